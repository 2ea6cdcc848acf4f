package io.crosspatch.reporting.support;

import io.crosspatch.servicekit.testing.TestJwtIssuer;

/**
 * The reporting API's test tokens, from the tests' identity provider ({@link TestJwtIssuer}, whose public key the
 * service trusts): for a tenant, for an operator, expired, without expiry, or foreign in signer, issuer or audience.
 */
public final class TestTokens {

    public static final String ISSUER = TestJwtIssuer.ISSUER;
    /** The audience the API is configured with in the tests. */
    public static final String AUDIENCE = "crosspatch-reporting";

    private TestTokens() {}

    /** The {@code file:} location of the trusted public key, for {@code crosspatch.reporting.auth.public-key-location}. */
    public static String publicKeyLocation() {
        return TestJwtIssuer.publicKeyLocation();
    }

    public static String forTenant(String tenantId) {
        return TestJwtIssuer.token(AUDIENCE).claim("tenant", tenantId).sign();
    }

    public static String forTenantIdClaim(String tenantId) {
        return TestJwtIssuer.token(AUDIENCE).claim("tenant_id", tenantId).sign();
    }

    public static String forOperator() {
        return TestJwtIssuer.token(AUDIENCE).roles("operator").sign();
    }

    public static String expiredForTenant(String tenantId) {
        return TestJwtIssuer.token(AUDIENCE).claim("tenant", tenantId).expired().sign();
    }

    public static String withoutExpiryForOperator() {
        return TestJwtIssuer.token(AUDIENCE).roles("operator").withoutExpiry().sign();
    }

    public static String forAnotherAudienceAsOperator() {
        return TestJwtIssuer.token("crosspatch-account").roles("operator").sign();
    }

    public static String signedByStrangerForTenant(String tenantId) {
        return TestJwtIssuer.token(AUDIENCE)
                .claim("tenant", tenantId)
                .signedByStranger()
                .sign();
    }

    public static String withForeignIssuerForTenant(String tenantId) {
        return TestJwtIssuer.token(AUDIENCE)
                .issuer("https://evil.example/")
                .claim("tenant", tenantId)
                .sign();
    }
}
