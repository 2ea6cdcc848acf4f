package io.crosspatch.identity.support;

import io.crosspatch.servicekit.testing.TestJwtIssuer;

/** A test issuer of admin tokens: its public key is what the service trusts; tokens with or without the admin role. */
public final class AdminTokens {

    public static final String ISSUER = TestJwtIssuer.ISSUER;
    /** The audience the admin API is configured with in the tests. */
    public static final String AUDIENCE = "crosspatch-identity";

    private AdminTokens() {
    }

    public static String publicKeyLocation() {
        return TestJwtIssuer.publicKeyLocation();
    }

    public static String admin() {
        return TestJwtIssuer.token(AUDIENCE).roles("admin").sign();
    }

    public static String withoutAdminRole() {
        return TestJwtIssuer.token(AUDIENCE).roles("operator").sign();
    }

    public static String adminSignedByStranger() {
        return TestJwtIssuer.token(AUDIENCE).roles("admin").signedByStranger().sign();
    }

    public static String adminWithoutExpiry() {
        return TestJwtIssuer.token(AUDIENCE).roles("admin").withoutExpiry().sign();
    }

    public static String adminForAnotherAudience() {
        return TestJwtIssuer.token("crosspatch-reporting").roles("admin").sign();
    }
}
