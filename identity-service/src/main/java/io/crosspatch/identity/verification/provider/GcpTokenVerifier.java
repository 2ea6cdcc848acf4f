package io.crosspatch.identity.verification.provider;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import io.crosspatch.kernel.CloudProvider;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * GCP metadata-server identity tokens ({@code format=full}): RS256 only, signed by a key of Google's JWKS, issued
 * by {@code https://accounts.google.com}, for exactly the configured audience; the instance comes from the
 * {@code google.compute_engine} claims, all of which are required.
 */
final class GcpTokenVerifier implements ProviderVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256);
    private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

    private final JwtRules rules;
    private final IssuerKeys keys;
    private final String audience;

    GcpTokenVerifier(JwtRules rules, IssuerKeys keys, String audience) {
        this.rules = rules;
        this.keys = keys;
        this.audience = audience;
    }

    @Override
    public CloudProvider provider() {
        return CloudProvider.GCP;
    }

    @Override
    public VerifiedClaims verify(IdentityMaterial material, Instant now) {
        SignedJWT jwt = rules.parse(((IdentityMaterial.GcpToken) material).token(), ALGORITHMS);
        rules.verifySignature(jwt, keys);
        JWTClaimsSet claims = rules.claims(jwt);
        if (!ISSUERS.contains(claims.getIssuer())) {
            throw new IdentityRejectedException(RejectionReason.ISSUER_UNKNOWN, "the token's issuer is not Google");
        }
        Instant expiresAt = rules.checkTimes(claims, now);
        JwtRules.checkAudience(claims, audience);
        Map<String, Object> engine = computeEngine(claims);
        Object created = engine.get("instance_creation_timestamp");
        if (!(created instanceof Number seconds)) {
            throw new IdentityRejectedException(
                    RejectionReason.CLAIMS_MISSING, "the identity has no instance_creation_timestamp");
        }
        return new VerifiedClaims(
                CloudProvider.GCP,
                JwtRules.requiredString(engine.get("project_id"), "project_id"),
                JwtRules.requiredString(engine.get("instance_id"), "instance_id"),
                JwtRules.requiredString(engine.get("instance_name"), "instance_name"),
                JwtRules.requiredString(engine.get("zone"), "zone"),
                Instant.ofEpochSecond(seconds.longValue()),
                Map.of(),
                expiresAt,
                null,
                null,
                claims.getIssuer());
    }

    /**
     * Whether {@code token} names a key id Google certainly does not publish (see {@link IssuerKeys#certainlyLacks}).
     *
     * @throws IdentityRejectedException if the token is not one this verifier would look a key up for
     */
    boolean namesUnpublishedKey(String token) {
        return keys.certainlyLacks(rules.parse(token, ALGORITHMS).getHeader());
    }

    private static Map<String, Object> computeEngine(JWTClaimsSet claims) {
        try {
            Map<String, Object> google = claims.getJSONObjectClaim("google");
            Object engine = google == null ? null : google.get("compute_engine");
            if (engine instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                return typed;
            }
        } catch (ParseException e) {
            throw new IdentityRejectedException(RejectionReason.CLAIMS_MISSING, "the google claim is not an object");
        }
        throw new IdentityRejectedException(
                RejectionReason.CLAIMS_MISSING,
                "the token has no google.compute_engine claims (not requested with format=full)");
    }
}
