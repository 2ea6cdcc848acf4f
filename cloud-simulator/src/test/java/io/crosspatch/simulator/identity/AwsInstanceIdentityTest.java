package io.crosspatch.simulator.identity;

import static io.crosspatch.simulator.identity.IdentityFixtures.anyAwsVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.createVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.foreignSimulator;
import static io.crosspatch.simulator.identity.IdentityFixtures.forge;
import static io.crosspatch.simulator.identity.IdentityFixtures.get;
import static io.crosspatch.simulator.identity.IdentityFixtures.ok;
import static io.crosspatch.simulator.identity.IdentityFixtures.send;
import static io.crosspatch.simulator.identity.IdentityFixtures.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** EC2's instance identity document over IMDSv2, signed (rsa2048) with the region's certificate. */
class AwsInstanceIdentityTest {

    private static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    private static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";

    private static String imdsToken(JsonNode vm) {
        return ok(send("PUT", vm.get("metadataBaseUrl").asText() + "/latest/api/token", "", TTL_HEADER, "21600"));
    }

    private static String identity(JsonNode vm, String token, String what) {
        return ok(get(
                vm.get("metadataBaseUrl").asText() + "/latest/dynamic/instance-identity/" + what, TOKEN_HEADER, token));
    }

    private static X509Certificate regionCertificate(String region) throws Exception {
        return Pkcs7.certificate(ok(get(simulator() + SimulatorPaths.AWS_CERTIFICATES + "/" + region + ".pem")));
    }

    @Test
    void shouldSignExactlyTheDocumentWithTheRegionsCertificate() throws Exception {
        // given
        JsonNode vm = anyAwsVm();
        String token = imdsToken(vm);

        // when
        String document = identity(vm, token, "document");
        String rsa2048 = identity(vm, token, "rsa2048");

        // then the PKCS#7 is bare base64 in lines, carries exactly the document, and verifies with eu-west-1's
        // certificate
        assertThat(rsa2048).doesNotContain("BEGIN").contains("\n");
        assertThat(rsa2048.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        Pkcs7 signed = Pkcs7.parse(rsa2048);
        assertThat(signed.content()).isEqualTo(document);
        assertThat(signed.signedBy(regionCertificate("eu-west-1"))).isTrue();

        // and the document says who the instance is
        JsonNode fields = IdentityFixtures.JSON.readTree(document);
        assertThat(fields.get("accountId").asText())
                .isEqualTo(vm.get("accountId").asText());
        assertThat(fields.get("instanceId").asText())
                .isEqualTo(vm.get("instanceId").asText())
                .matches("i-[0-9a-f]{17}");
        assertThat(fields.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(fields.get("availabilityZone").asText()).isEqualTo("eu-west-1a");
        assertThat(fields.get("imageId").asText()).matches("ami-[0-9a-f]{17}");
        assertThat(fields.get("version").asText()).isEqualTo("2017-09-30");
        assertThat(Instant.parse(fields.get("pendingTime").asText()))
                .isEqualTo(Instant.parse(vm.get("createdAt").asText()).truncatedTo(ChronoUnit.SECONDS));
        assertThat(document).startsWith("{\n  \"accountId\" : \"");
    }

    @Test
    void shouldNotVerifyWithAnotherRegionsCertificateNorAnotherSimulatorsSignature() throws Exception {
        JsonNode vm = anyAwsVm();
        Pkcs7 genuine = Pkcs7.parse(identity(vm, imdsToken(vm), "rsa2048"));
        JsonNode foreignVm = createVm(
                foreignSimulator().endpoint().toString(),
                "{\"provider\":\"aws\",\"accountId\":\"999999999999\",\"instanceName\":\"evil\",\"region\":\"eu-west-1\"}");
        Pkcs7 foreign = Pkcs7.parse(identity(foreignVm, imdsToken(foreignVm), "rsa2048"));

        assertThat(genuine.signedBy(regionCertificate("us-east-1"))).isFalse();
        assertThat(foreign.signedBy(regionCertificate("eu-west-1"))).isFalse();
    }

    @Test
    void shouldForgeDocumentsSignedByForeignOrWrongRegionCertificates() throws Exception {
        String vmId = anyAwsVm().get("vmId").asText();

        JsonNode foreign = forge("aws", "{\"vmId\":\"" + vmId + "\",\"signer\":\"foreign\"}");
        JsonNode otherRegion = forge("aws", "{\"vmId\":\"" + vmId + "\",\"certificateRegion\":\"us-west-2\"}");
        JsonNode otherAccount = forge("aws", "{\"vmId\":\"" + vmId + "\",\"claims\":{\"accountId\":\"123456789012\"}}");

        assertThat(Pkcs7.parse(foreign.get("pkcs7").asText()).signedBy(regionCertificate("eu-west-1")))
                .isFalse();
        assertThat(Pkcs7.parse(otherRegion.get("pkcs7").asText()).signedBy(regionCertificate("eu-west-1")))
                .isFalse();
        assertThat(Pkcs7.parse(otherRegion.get("pkcs7").asText()).signedBy(regionCertificate("us-west-2")))
                .isTrue();
        Pkcs7 signedOtherAccount = Pkcs7.parse(otherAccount.get("pkcs7").asText());
        assertThat(signedOtherAccount.signedBy(regionCertificate("eu-west-1"))).isTrue();
        assertThat(signedOtherAccount.content())
                .isEqualTo(otherAccount.get("document").asText())
                .contains("\"123456789012\"");
    }

    @Test
    void shouldRequireAnImdsV2TokenAsInstancesWithTokensRequiredDo() {
        JsonNode vm = anyAwsVm();
        String base = vm.get("metadataBaseUrl").asText();
        String otherVmsToken = imdsToken(anyAwsVm());

        HttpResponse<String> withoutToken = get(base + "/latest/dynamic/instance-identity/document");
        HttpResponse<String> withOtherVmsToken =
                get(base + "/latest/dynamic/instance-identity/rsa2048", TOKEN_HEADER, otherVmsToken);
        HttpResponse<String> withoutTtl = send("PUT", base + "/latest/api/token", "");
        HttpResponse<String> tooLongTtl = send("PUT", base + "/latest/api/token", "", TTL_HEADER, "21601");
        HttpResponse<String> proxied =
                send("PUT", base + "/latest/api/token", "", TTL_HEADER, "60", "X-Forwarded-For", "203.0.113.9");

        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withOtherVmsToken.statusCode()).isEqualTo(401);
        assertThat(withoutTtl.statusCode()).isEqualTo(400);
        assertThat(tooLongTtl.statusCode()).isEqualTo(400);
        assertThat(proxied.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldExpireImdsTokensAfterTheirTtl() {
        try (CloudSimulator own =
                CloudSimulator.start(SimulatorConfig.defaults().rateLimitsEnabled(false))) {
            JsonNode vm = createVm(
                    own.endpoint().toString(),
                    "{\"provider\":\"aws\",\"accountId\":\"123456789012\",\"instanceName\":\"web-1\"}");
            String base = vm.get("metadataBaseUrl").asText();
            String token = ok(send("PUT", base + "/latest/api/token", "", TTL_HEADER, "1"));
            assertThat(get(base + "/latest/meta-data/instance-id", TOKEN_HEADER, token)
                            .statusCode())
                    .isEqualTo(200);

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(get(base + "/latest/meta-data/instance-id", TOKEN_HEADER, token)
                                    .statusCode())
                            .isEqualTo(401));
        }
    }

    @Test
    void shouldServeInstanceMetadataAndTags() {
        JsonNode vm = anyAwsVm();
        String base = vm.get("metadataBaseUrl").asText() + "/latest/meta-data";
        String token = imdsToken(vm);

        assertThat(ok(get(base + "/instance-id", TOKEN_HEADER, token)))
                .isEqualTo(vm.get("instanceId").asText());
        assertThat(ok(get(base + "/placement/region", TOKEN_HEADER, token))).isEqualTo("eu-west-1");
        assertThat(ok(get(base + "/tags/instance", TOKEN_HEADER, token))).isEqualTo("crosspatch-patching");
        assertThat(ok(get(base + "/tags/instance/crosspatch-patching", TOKEN_HEADER, token)))
                .isEqualTo("true");
        assertThat(get(base + "/tags/instance/absent", TOKEN_HEADER, token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldPublishACertificateForAnyRegionOnDemand() throws Exception {
        X509Certificate first = regionCertificate("me-central-1");
        X509Certificate again = regionCertificate("me-central-1");

        assertThat(again).isEqualTo(first);
        assertThat(first.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(IdentityFixtures.json(get(simulator() + SimulatorPaths.AWS_CERTIFICATES))
                        .get("regions")
                        .toString())
                .contains("me-central-1", "eu-west-1", "us-east-1", "us-west-2", "ap-northeast-1");
        assertThat(get(simulator() + SimulatorPaths.awsCertificate("not-a-region"))
                        .statusCode())
                .isEqualTo(404);
    }
}
