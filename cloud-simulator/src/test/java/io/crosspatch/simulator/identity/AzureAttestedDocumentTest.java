package io.crosspatch.simulator.identity;

import static io.crosspatch.simulator.identity.IdentityFixtures.anyAzureVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.createVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.foreignSimulator;
import static io.crosspatch.simulator.identity.IdentityFixtures.forge;
import static io.crosspatch.simulator.identity.IdentityFixtures.get;
import static io.crosspatch.simulator.identity.IdentityFixtures.json;
import static io.crosspatch.simulator.identity.IdentityFixtures.ok;
import static io.crosspatch.simulator.identity.IdentityFixtures.simulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.SharedSimulator;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.net.http.HttpResponse;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Azure IMDS's attested document: a PKCS#7 signed by metadata.azure.com, chaining to the published root. */
class AzureAttestedDocumentTest {

    private static final String NONCE = "k3J9x2QpZ7mN4vB8cT1wY6rL0sD5fGhA";
    private static final DateTimeFormatter AZURE_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss xx");

    private static String attestedUrl(JsonNode vm, String query) {
        return vm.get("metadataBaseUrl").asText() + "/metadata/attested/document" + query;
    }

    private static X509Certificate trustedRoot() throws Exception {
        return Pkcs7.certificate(ok(get(simulator() + SimulatorPaths.AZURE_ROOT_PEM)));
    }

    private static Date simulatorNow() {
        return Date.from(SharedSimulator.get().clock().instant());
    }

    @Test
    void shouldSignDocumentWithMetadataAzureComCertificateChainingToTheRoot() throws Exception {
        // given
        JsonNode vm = anyAzureVm();

        // when
        JsonNode answer = json(get(attestedUrl(vm, "?api-version=2020-09-01&nonce=" + NONCE), "Metadata", "true"));

        // then the signature verifies, the signer is metadata.azure.com, and its chain ends at the trusted root
        assertThat(answer.get("encoding").asText()).isEqualTo("pkcs7");
        Pkcs7 signed = Pkcs7.parse(answer.get("signature").asText());
        assertThat(signed.signerCount()).isEqualTo(1);
        X509Certificate leaf = signed.signerCertificate();
        assertThat(signed.signedBy(leaf)).isTrue();
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "metadata.azure.com"));
        signed.validateChainTo(trustedRoot(), simulatorNow());

        // and the signed JSON names the VM and echoes the nonce
        JsonNode document = IdentityFixtures.JSON.readTree(signed.content());
        assertThat(document.get("nonce").asText()).isEqualTo(NONCE);
        assertThat(document.get("vmId").asText()).isEqualTo(vm.get("instanceId").asText());
        assertThat(document.get("subscriptionId").asText())
                .isEqualTo(vm.get("accountId").asText());
        assertThat(document.get("sku").asText()).isEqualTo("22_04");
        Instant createdOn = ZonedDateTime.parse(
                        document.at("/timeStamp/createdOn").asText(), AZURE_TIME)
                .toInstant();
        Instant expiresOn = ZonedDateTime.parse(
                        document.at("/timeStamp/expiresOn").asText(), AZURE_TIME)
                .toInstant();
        assertThat(Duration.between(createdOn, SharedSimulator.get().clock().instant())
                        .abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(expiresOn).isEqualTo(createdOn.plus(Duration.ofHours(6)));
        assertThat(signed.content()).startsWith("{\"licenseType\":\"\",\"nonce\":");
    }

    @Test
    void shouldUseTheTimeAsNonceWhenNoneIsGiven() throws Exception {
        JsonNode answer = json(get(attestedUrl(anyAzureVm(), "?api-version=2021-02-01"), "Metadata", "true"));

        String nonce = IdentityFixtures.JSON
                .readTree(Pkcs7.parse(answer.get("signature").asText()).content())
                .get("nonce")
                .asText();
        String expected = SharedSimulator.get()
                .clock()
                .instant()
                .atOffset(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-"));
        assertThat(nonce).startsWith(expected).matches("[0-9]{8}-[0-9]{6}");
    }

    @Test
    void shouldRefuseRequestsWithoutTheMetadataHeaderOrApiVersionAsImdsDoes() {
        JsonNode vm = anyAzureVm();

        HttpResponse<String> noHeader = get(attestedUrl(vm, "?api-version=2020-09-01&nonce=" + NONCE));
        HttpResponse<String> noVersion = get(attestedUrl(vm, "?nonce=" + NONCE), "Metadata", "true");
        HttpResponse<String> badNonce =
                get(attestedUrl(vm, "?api-version=2020-09-01&nonce=not-alphanumeric!"), "Metadata", "true");

        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(json(noHeader).get("error").asText())
                .isEqualTo("Bad request. Required metadata header not specified");
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion).get("error").asText()).contains("api-version");
        assertThat(badNonce.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldServeInstanceMetadata() {
        JsonNode vm = anyAzureVm();

        JsonNode compute = json(get(
                        vm.get("metadataBaseUrl").asText() + "/metadata/instance?api-version=2021-02-01",
                        "Metadata",
                        "true"))
                .get("compute");

        assertThat(compute.get("vmId").asText()).isEqualTo(vm.get("instanceId").asText());
        assertThat(compute.get("subscriptionId").asText())
                .isEqualTo(vm.get("accountId").asText());
        assertThat(compute.get("name").asText()).isEqualTo("web-1");
        assertThat(compute.get("location").asText()).isEqualTo("westeurope");
        assertThat(compute.get("osType").asText()).isEqualTo("Linux");
        assertThat(compute.get("tagsList").get(0).get("name").asText()).isEqualTo("crosspatch-patchgroup");
    }

    @Test
    void shouldRejectDocumentOfAnotherSimulatorInPathValidation() throws Exception {
        JsonNode foreignVm = createVm(
                foreignSimulator().endpoint().toString(),
                "{\"provider\":\"azure\",\"accountId\":\"00000000-0000-0000-0000-000000000001\",\"instanceName\":\"evil\"}");
        Pkcs7 signed = Pkcs7.parse(
                json(get(attestedUrl(foreignVm, "?api-version=2020-09-01&nonce=" + NONCE), "Metadata", "true"))
                        .get("signature")
                        .asText());

        assertThat(signed.signedBy(signed.signerCertificate())).isTrue();
        assertThatThrownBy(() -> signed.validateChainTo(trustedRoot(), simulatorNow()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void shouldForgeDocumentFromUntrustedRootWithTheSameNames() throws Exception {
        JsonNode vm = anyAzureVm();

        JsonNode forged = forge(
                "azure",
                "{\"vmId\":\"" + vm.get("vmId").asText() + "\",\"signer\":\"foreign\",\"nonce\":\"" + NONCE + "\"}");

        Pkcs7 signed = Pkcs7.parse(forged.get("signature").asText());
        assertThat(signed.signerCertificate().getSubjectX500Principal().getName())
                .contains("CN=metadata.azure.com");
        assertThat(signed.otherCertificates().get(0).getIssuerX500Principal())
                .isEqualTo(trustedRoot().getSubjectX500Principal());
        assertThatThrownBy(() -> signed.validateChainTo(trustedRoot(), simulatorNow()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void shouldForgeDocumentWhoseTrustedChainNamesAnotherHost() throws Exception {
        JsonNode vm = anyAzureVm();

        JsonNode forged = forge(
                "azure", "{\"vmId\":\"" + vm.get("vmId").asText() + "\",\"san\":\"metadata.azure.com.evil.example\"}");

        Pkcs7 signed = Pkcs7.parse(forged.get("signature").asText());
        signed.validateChainTo(trustedRoot(), simulatorNow());
        assertThat(signed.signerCertificate().getSubjectAlternativeNames())
                .containsExactly(List.of(2, "metadata.azure.com.evil.example"));
    }

    @Test
    void shouldForgeStaleDocumentWithChosenFields() throws Exception {
        JsonNode vm = anyAzureVm();

        JsonNode forged = forge(
                "azure",
                "{\"vmId\":\"" + vm.get("vmId").asText()
                        + "\",\"issuedAtOffsetSeconds\":-86400,\"claims\":{\"subscriptionId\":null}}");

        Pkcs7 signed = Pkcs7.parse(forged.get("signature").asText());
        signed.validateChainTo(trustedRoot(), simulatorNow());
        JsonNode document = IdentityFixtures.JSON.readTree(signed.content());
        assertThat(document.has("subscriptionId")).isFalse();
        Instant createdOn = ZonedDateTime.parse(
                        document.at("/timeStamp/createdOn").asText(), AZURE_TIME)
                .toInstant();
        assertThat(createdOn).isBefore(SharedSimulator.get().clock().instant().minus(Duration.ofHours(23)));
    }
}
