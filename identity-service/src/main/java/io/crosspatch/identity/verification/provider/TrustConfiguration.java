package io.crosspatch.identity.verification.provider;

import io.crosspatch.identity.enrollment.application.SignerScreen;
import io.crosspatch.identity.role.VerifierRole;
import io.crosspatch.identity.verification.application.ProviderVerifier;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Builds the four provider verifiers from {@link TrustProperties}: one {@link IssuerKeys} per JWKS (Google's, each
 * VMware issuer's), fetched on first use (so a service that never sees a GCP token never calls Google) and refreshed
 * as {@link JwksProperties} allow; certificates read at start. The ingress's {@link SignerScreen} uses the same key
 * caches. Only the verifier role has them.
 */
@Configuration(proxyBeanMethods = false)
@VerifierRole
@EnableConfigurationProperties({TrustProperties.class, JwksProperties.class})
class TrustConfiguration {

    /** Microsoft's roots for Azure's attested documents (DigiCert Global Root G2/G3, Microsoft RSA/ECC Root 2017). */
    static final String AZURE_DEFAULT_ROOTS = "trust/azure/microsoft-roots.pem";

    private static final Logger log = LoggerFactory.getLogger(TrustConfiguration.class);

    /** When a key cache last fetched, and when to refresh it: the service's clock. */
    private final Clock clock;

    public TrustConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Bean
    JwtRules jwtRules(TrustProperties trust) {
        return new JwtRules(trust.verifier().clockSkew(), trust.verifier().maxTokenLifetime());
    }

    @Bean
    JwksFetcher jwksFetcher(JwksProperties jwks) {
        return new JwksFetcher(jwks);
    }

    @Bean
    GcpTokenVerifier gcpTokenVerifier(TrustProperties trust, JwtRules rules, JwksFetcher fetcher, JwksProperties jwks) {
        if (trust.gcp().audience() == null || trust.gcp().audience().isBlank()) {
            log.warn(
                    "crosspatch.identity.gcp.audience is not set: every GCP enrollment will be rejected (AUDIENCE_MISMATCH)");
        }
        return new GcpTokenVerifier(
                rules,
                keys("Google", trust.gcp().jwksUri(), fetcher, jwks),
                trust.gcp().audience());
    }

    @Bean
    ProviderVerifier azureDocumentVerifier(TrustProperties trust) {
        Resource anchors = trust.azure().trustAnchors() == null
                        || trust.azure().trustAnchors().isBlank()
                ? new ClassPathResource(AZURE_DEFAULT_ROOTS)
                : TrustLocations.resource(trust.azure().trustAnchors());
        List<X509Certificate> roots = PemCertificates.read(anchors);
        log.info(
                "Azure attested documents: {} trust anchor(s) from {}, signer names {}",
                roots.size(),
                anchors.getDescription(),
                trust.azure().signerNames());
        return new AzureDocumentVerifier(
                roots,
                trust.azure().signerNames(),
                trust.azure().maxDocumentAge(),
                trust.verifier().clockSkew());
    }

    @Bean
    ProviderVerifier awsDocumentVerifier(TrustProperties trust) {
        Map<String, X509Certificate> byRegion = new HashMap<>();
        // Environment variables bind map keys with dots (..._CERTIFICATES_EU_WEST_1 -> eu.west.1): read them as dashes.
        trust.aws()
                .certificates()
                .forEach((region, pem) -> byRegion.put(
                        region.toLowerCase(Locale.ROOT).replace('.', '-'),
                        PemCertificates.read(TrustLocations.resource(pem)).get(0)));
        Optional<X509Certificate> fallback = Optional.ofNullable(trust.aws().defaultCertificate())
                .filter(pem -> !pem.isBlank())
                .map(pem -> PemCertificates.read(TrustLocations.resource(pem)).get(0));
        if (byRegion.isEmpty() && fallback.isEmpty()) {
            log.warn(
                    "no AWS certificate is configured (crosspatch.identity.aws.certificates.<region> or "
                            + "crosspatch.identity.aws.default-certificate): every AWS enrollment will be rejected (UNTRUSTED_SIGNER)");
        }
        return new AwsDocumentVerifier(
                region -> Optional.ofNullable(byRegion.get(region)).or(() -> fallback));
    }

    @Bean
    VmwareTokenVerifier vmwareTokenVerifier(
            TrustProperties trust, JwtRules rules, JwksFetcher fetcher, JwksProperties jwks) {
        Map<String, VmwareTokenVerifier.RegisteredIssuer> issuers = new LinkedHashMap<>();
        List<TrustProperties.Vmware.Issuer> configured = trust.vmware().issuers();
        for (int n = 0; n < configured.size(); n++) {
            TrustProperties.Vmware.Issuer issuer = configured.get(n);
            String property = "crosspatch.identity.vmware.issuers[" + n + "]";
            if (issuer.issuer() == null || issuer.jwksUri() == null || issuer.audience() == null) {
                throw new IllegalStateException(property + " needs issuer, jwks-uri and audience");
            }
            if (issuer.boundOrgIds().isEmpty()) {
                throw new IllegalStateException(property + " (" + issuer.issuer() + ") names no vCenter/org: set its "
                        + "org-ids to the vcenter_id values it may vouch for (an issuer bound to none would vouch for "
                        + "every tenant's org)");
            }
            issuers.put(
                    issuer.issuer(),
                    new VmwareTokenVerifier.RegisteredIssuer(
                            issuer.issuer(),
                            issuer.audience(),
                            issuer.boundOrgIds(),
                            keys(issuer.issuer(), issuer.jwksUri(), fetcher, jwks)));
        }
        issuers.values()
                .forEach(issuer -> log.info("VMware token issuer {} vouches for {}", issuer.issuer(), issuer.orgIds()));
        return new VmwareTokenVerifier(rules, issuers);
    }

    /** The ingress asks the GCP and VMware verifiers' own key caches whether a token's key id is published. */
    @Bean
    SignerScreen signerScreen(GcpTokenVerifier gcp, VmwareTokenVerifier vmware) {
        return new JwksSignerScreen(gcp, vmware);
    }

    /** An issuer's JWKS over HTTP(S), fetched on first use. */
    private IssuerKeys keys(String issuer, String uri, JwksFetcher fetcher, JwksProperties jwks) {
        URI location;
        try {
            location = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not a JWKS URL: " + uri, e);
        }
        if (!"https".equals(location.getScheme()) && !"http".equals(location.getScheme())) {
            throw new IllegalStateException("a JWKS is read over http(s), not " + uri);
        }
        return new IssuerKeys(issuer, location, fetcher, jwks, clock);
    }
}
