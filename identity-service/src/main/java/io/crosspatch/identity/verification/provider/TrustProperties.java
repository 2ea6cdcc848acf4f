package io.crosspatch.identity.verification.provider;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the verifier's trust comes from, per provider ({@code crosspatch.identity.*}). Production defaults are
 * the providers' own published anchors; tests and the local platform point them at the cloud simulator with
 * ordinary properties or environment variables. Nothing a token or document says about its own key is used.
 * Certificate locations are read by {@link TrustLocations}: a plain path is a file. The defaults are here and nowhere
 * else.
 *
 * @param gcp      Google's trust anchors and the token audience
 * @param aws      AWS's per-region certificates
 * @param azure    the Azure roots and signer names
 * @param vmware   the registered VMware issuers
 * @param verifier the verifier's clock tolerances
 */
@ConfigurationProperties("crosspatch.identity")
record TrustProperties(Gcp gcp, Aws aws, Azure azure, Vmware vmware, Verifier verifier) {

    // Each nested record's compact constructor replaces its nulls with defaults too, as Spring's binder relies on.
    @SuppressWarnings("NullAway")
    public TrustProperties {
        gcp = gcp == null ? new Gcp(null, null) : gcp;
        aws = aws == null ? new Aws(null, null) : aws;
        azure = azure == null ? new Azure(null, null, null) : azure;
        vmware = vmware == null ? new Vmware(null) : vmware;
        verifier = verifier == null ? new Verifier(null, null) : verifier;
    }

    /**
     * Google's OAuth2 JWKS and the audience the startup script asks the metadata server for.
     *
     * @param jwksUri  Google's OAuth2 JWKS; default {@code https://www.googleapis.com/oauth2/v3/certs}, Google's published one
     * @param audience the audience every GCP identity token must name; no default: GCP enrollments are refused
     *                 (AUDIENCE_MISMATCH) until it is set
     */
    public record Gcp(String jwksUri, String audience) {
        public static final String GOOGLE_JWKS = "https://www.googleapis.com/oauth2/v3/certs";

        public Gcp {
            jwksUri = jwksUri == null || jwksUri.isBlank() ? GOOGLE_JWKS : jwksUri;
        }
    }

    /**
     * AWS's rsa2048 certificates by region, and one for regions not listed.
     *
     * @param certificates PEM file per region ({@code certificates.eu-west-1=file:/etc/crosspatch/aws/eu-west-1.pem});
     *                     none by default
     * @param defaultCertificate PEM file used for any region without its own; none by default (AWS enrollments from
     *                     a region without a certificate are refused)
     */
    public record Aws(Map<String, String> certificates, String defaultCertificate) {
        public Aws {
            certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
        }
    }

    /**
     * The Azure attested-data trust.
     *
     * @param trustAnchors PEM bundle of the roots a signer's chain must end in; default Microsoft's, bundled
     * @param signerNames DNS names (or their parents) the signer certificate's SAN must be; default
     *                    {@code metadata.azure.com}
     * @param maxDocumentAge how old an attested document's {@code createdOn} may be; default 10 min, as the nonce it
     *                    carries is only minutes old
     */
    public record Azure(String trustAnchors, List<String> signerNames, Duration maxDocumentAge) {
        public Azure {
            signerNames = signerNames == null || signerNames.isEmpty()
                    ? List.of("metadata.azure.com")
                    : List.copyOf(signerNames);
            maxDocumentAge = maxDocumentAge == null ? Duration.ofMinutes(10) : maxDocumentAge;
        }
    }

    /**
     * The registered VMware token issuers.
     *
     * @param issuers one per vCenter/org; none by default (VMware enrollments are refused)
     */
    public record Vmware(List<Issuer> issuers) {
        public Vmware {
            issuers = issuers == null ? List.of() : List.copyOf(issuers);
        }

        /**
         * A vCenter's token issuer and the cloud accounts it may vouch for. The binding is what keeps tenants apart:
         * each tenant runs its own vCenter, so an issuer trusted for any {@code vcenter_id} would let one tenant's
         * vCenter mint tokens that enroll VMs into another tenant's system account.
         *
         * @param issuer the exact {@code iss} of the issuer's tokens
         * @param jwksUri the issuer's JWKS endpoint
         * @param audience the audience its tokens must name
         * @param orgId a single vCenter/org id, as earlier configurations bound an issuer; added to {@code orgIds}
         * @param orgIds the vCenter/org ids ({@code vcenter_id} claim) this issuer may vouch for; an issuer must have
         *     at least one (here or in {@code orgId})
         */
        public record Issuer(String issuer, String jwksUri, String audience, String orgId, List<String> orgIds) {
            public Issuer {
                orgIds = orgIds == null ? List.of() : List.copyOf(orgIds);
            }

            /** Every org id this issuer is bound to, blanks dropped. */
            public Set<String> boundOrgIds() {
                Set<String> bound = new LinkedHashSet<>();
                Stream.concat(Stream.ofNullable(orgId), orgIds.stream())
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .forEach(bound::add);
                return Set.copyOf(bound);
            }
        }
    }

    /**
     * The verifier's clock tolerances.
     *
     * @param clockSkew tolerance on expiry, not-before and issue times; default 60 s
     * @param maxTokenLifetime the furthest in the future a token may expire; default 1 h, GCP's own token lifetime
     */
    public record Verifier(Duration clockSkew, Duration maxTokenLifetime) {
        public Verifier {
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
            maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(1) : maxTokenLifetime;
        }
    }
}
