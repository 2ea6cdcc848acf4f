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
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * VMware guestinfo tokens: a JWT from a registered issuer (one per vCenter/org, each with its own JWKS and
 * audience), RS256 or ES256. The unverified {@code iss} only chooses which pinned JWKS to try. Each issuer vouches
 * only for the vCenter/org ids it is bound to: a vCenter belongs to one tenant, and its signature says nothing about
 * another tenant's org. The {@code jti} is returned so that it can be accepted once.
 */
final class VmwareTokenVerifier implements ProviderVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    /** A registered issuer with its pinned key source and the org ids it may vouch for (never empty). */
    record RegisteredIssuer(String issuer, String audience, Set<String> orgIds, IssuerKeys keys) {
        public RegisteredIssuer {
            orgIds = Set.copyOf(orgIds);
            if (orgIds.isEmpty()) {
                throw new IllegalArgumentException("issuer " + issuer + " is bound to no vCenter/org");
            }
        }
    }

    private final JwtRules rules;
    private final Map<String, RegisteredIssuer> issuers;

    VmwareTokenVerifier(JwtRules rules, Map<String, RegisteredIssuer> issuers) {
        this.rules = rules;
        this.issuers = Map.copyOf(issuers);
    }

    @Override
    public CloudProvider provider() {
        return CloudProvider.VMWARE;
    }

    @Override
    public VerifiedClaims verify(IdentityMaterial material, Instant now) {
        SignedJWT jwt = rules.parse(((IdentityMaterial.VmwareToken) material).token(), ALGORITHMS);
        JWTClaimsSet unverified = rules.claims(jwt);
        RegisteredIssuer issuer = registeredIssuerOf(unverified);
        rules.verifySignature(jwt, issuer.keys());
        Instant expiresAt = rules.checkTimes(unverified, now);
        JwtRules.checkAudience(unverified, issuer.audience());
        String orgId = JwtRules.requiredString(unverified.getClaim("vcenter_id"), "vcenter_id");
        if (!issuer.orgIds().contains(orgId)) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER,
                    "issuer " + issuer.issuer() + " may not vouch for vCenter/org " + orgId);
        }
        String instanceId = JwtRules.requiredString(unverified.getSubject(), "sub (VM instance UUID)");
        String tokenId = JwtRules.requiredString(unverified.getJWTID(), "jti");
        Object name = unverified.getClaim("vm_name");
        return new VerifiedClaims(
                CloudProvider.VMWARE,
                orgId,
                instanceId,
                name instanceof String text ? text : null,
                null,
                null,
                Map.of(),
                expiresAt,
                null,
                tokenId,
                issuer.issuer());
    }

    /**
     * Whether {@code token} names a key id that the registered issuer its unverified {@code iss} names certainly
     * does not publish (see {@link IssuerKeys#certainlyLacks}).
     *
     * @throws IdentityRejectedException if the token is not one this verifier would look a key up for (unparsable,
     *                                   disallowed algorithm, unregistered issuer)
     */
    boolean namesUnpublishedKey(String token) {
        SignedJWT jwt = rules.parse(token, ALGORITHMS);
        return registeredIssuerOf(rules.claims(jwt)).keys().certainlyLacks(jwt.getHeader());
    }

    private RegisteredIssuer registeredIssuerOf(JWTClaimsSet unverified) {
        RegisteredIssuer issuer = unverified.getIssuer() == null ? null : issuers.get(unverified.getIssuer());
        if (issuer == null) {
            throw new IdentityRejectedException(
                    RejectionReason.ISSUER_UNKNOWN, "the token's issuer is not a registered VMware issuer");
        }
        return issuer;
    }
}
