package io.crosspatch.identity.support;

import io.crosspatch.servicekit.testing.TestJwtIssuer;

/** A test issuer of admin tokens: its public key is what the service trusts; tokens with or without the admin role. */
public final class AdminTokens {

    public static final String ISSUER = TestJwtIssuer.ISSUER;
    /** The audience the admin API is configured with in the tests. */
    public static final String AUDIENCE = "crosspatch-identity";
    /** The subject of every admin token, which the audit records. */
    public static final String SUBJECT = "ops";

    private AdminTokens() {}

    public static String publicKeyLocation() {
        return TestJwtIssuer.publicKeyLocation();
    }

    public static String admin() {
        return TestJwtIssuer.token(AUDIENCE).subject(SUBJECT).roles("admin").sign();
    }

    public static String withoutAdminRole() {
        return TestJwtIssuer.token(AUDIENCE).subject(SUBJECT).roles("operator").sign();
    }

    public static String adminSignedByStranger() {
        return TestJwtIssuer.token(AUDIENCE)
                .subject(SUBJECT)
                .roles("admin")
                .signedByStranger()
                .sign();
    }

    public static String adminWithoutExpiry() {
        return TestJwtIssuer.token(AUDIENCE)
                .subject(SUBJECT)
                .roles("admin")
                .withoutExpiry()
                .sign();
    }

    public static String adminForAnotherAudience() {
        return TestJwtIssuer.token("crosspatch-reporting")
                .subject(SUBJECT)
                .roles("admin")
                .sign();
    }
}
