package io.crosspatch.identity.verification.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The trust properties as operators write them: environment variables, plain file paths, the bundled default. */
class TrustPropertiesBindingTest {

    @TempDir
    Path directory;

    private static TrustProperties bind(Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return Binder.get(spring)
                .bind("crosspatch.identity", TrustProperties.class)
                .orElseGet(() -> new TrustProperties(null, null, null, null, null));
    }

    @Test
    void bindsEnvironmentVariablesIncludingARegionsCertificateAndVmwareIssuers() {
        TrustProperties trust = bind(Map.of(
                "CROSSPATCH_IDENTITY_GCP_AUDIENCE", "https://enroll.example.com",
                "CROSSPATCH_IDENTITY_AWS_CERTIFICATES_EU_WEST_1", "/etc/crosspatch/aws/eu-west-1.pem",
                "CROSSPATCH_IDENTITY_AZURE_SIGNER_NAMES", "metadata.azure.com,metadata.azure.us",
                "CROSSPATCH_IDENTITY_VMWARE_ISSUERS_0_ISSUER", "https://vcenter.acme.example",
                "CROSSPATCH_IDENTITY_VMWARE_ISSUERS_0_JWKS_URI", "https://vcenter.acme.example/jwks",
                "CROSSPATCH_IDENTITY_VMWARE_ISSUERS_0_AUDIENCE", "crosspatch",
                "CROSSPATCH_IDENTITY_VMWARE_ISSUERS_0_ORG_IDS", "vc-acme-01,vc-acme-02"));

        assertThat(trust.gcp().audience()).isEqualTo("https://enroll.example.com");
        assertThat(trust.gcp().jwksUri()).isEqualTo(TrustProperties.Gcp.GOOGLE_JWKS);
        assertThat(trust.aws().certificates()).containsValue("/etc/crosspatch/aws/eu-west-1.pem");
        assertThat(trust.aws().certificates().keySet())
                .singleElement()
                .satisfies(key -> assertThat(key.replace('.', '-')).isEqualTo("eu-west-1"));
        assertThat(trust.azure().signerNames()).containsExactly("metadata.azure.com", "metadata.azure.us");
        assertThat(trust.vmware().issuers())
                .containsExactly(new TrustProperties.Vmware.Issuer(
                        "https://vcenter.acme.example",
                        "https://vcenter.acme.example/jwks",
                        "crosspatch",
                        null,
                        List.of("vc-acme-01", "vc-acme-02")));
        assertThat(trust.vmware().issuers().get(0).boundOrgIds()).containsExactlyInAnyOrder("vc-acme-01", "vc-acme-02");
        assertThat(trust.verifier().clockSkew()).hasSeconds(60);
    }

    @Test
    void readsAPlainPathAsAFileNotAClasspathEntry() throws Exception {
        Path pem = directory.resolve("roots.pem");
        Files.copy(new ClassPathResource(TrustConfiguration.AZURE_DEFAULT_ROOTS).getInputStream(), pem);

        assertThat(PemCertificates.read(TrustLocations.resource(pem.toString())))
                .hasSize(4);
        assertThat(PemCertificates.read(TrustLocations.resource(pem.toUri().toString())))
                .hasSize(4);
    }

    @Test
    void bundlesMicrosoftsRootsForAzureByDefault() {
        List<String> subjects =
                PemCertificates.read(new ClassPathResource(TrustConfiguration.AZURE_DEFAULT_ROOTS)).stream()
                        .map(certificate ->
                                certificate.getSubjectX500Principal().getName())
                        .toList();

        assertThat(subjects)
                .anyMatch(subject -> subject.contains("DigiCert Global Root G2"))
                .anyMatch(subject -> subject.contains("Microsoft RSA Root Certificate Authority 2017"));
    }
}
