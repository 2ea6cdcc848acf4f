package io.crosspatch.simulator.identity.vmware;

import com.nimbusds.jose.JWSAlgorithm;
import io.crosspatch.simulator.identity.Ids;
import io.crosspatch.simulator.identity.JwtSigner;
import io.crosspatch.simulator.identity.Lazy;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token issuers of the simulated vCenters/orgs, one per org id. An org gets the default issuer (RS256, audience
 * {@code crosspatch}) when first used, or the one {@link #define defined} for it; each has a foreign twin key with
 * the same key id for forgeries.
 */
final class VmwareIssuers {

    static final String DEFAULT_AUDIENCE = "crosspatch";

    record Issuer(String orgId, String issuer, String audience, JwtSigner signer, Lazy<JwtSigner> foreign) {

        boolean hasSettings(String otherIssuer, String otherAudience, JWSAlgorithm algorithm) {
            return issuer.equals(otherIssuer)
                    && audience.equals(otherAudience)
                    && signer.algorithm().equals(algorithm);
        }
    }

    private final Map<String, Issuer> issuers = new ConcurrentHashMap<>();

    static String defaultIssuer(String orgId) {
        return "https://vcenter." + orgId.toLowerCase(Locale.ROOT) + ".crosspatch.sim";
    }

    Issuer get(String orgId) {
        return issuers.computeIfAbsent(
                orgId, id -> newIssuer(id, defaultIssuer(id), DEFAULT_AUDIENCE, JWSAlgorithm.RS256));
    }

    /** Sets the org's issuer; the same settings again keep its key, different ones replace it (a key rotation). */
    Issuer define(String orgId, String issuer, String audience, JWSAlgorithm algorithm) {
        return issuers.compute(
                orgId,
                (id, existing) -> existing != null && existing.hasSettings(issuer, audience, algorithm)
                        ? existing
                        : newIssuer(id, issuer, audience, algorithm));
    }

    Collection<Issuer> all() {
        return issuers.values();
    }

    private static Issuer newIssuer(String orgId, String issuer, String audience, JWSAlgorithm algorithm) {
        JwtSigner signer = JwtSigner.generate(algorithm, orgId + "-" + Ids.hex(8));
        return new Issuer(
                orgId, issuer, audience, signer, new Lazy<>(() -> JwtSigner.generate(algorithm, signer.keyId())));
    }
}
