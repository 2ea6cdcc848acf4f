package io.crosspatch.simulator.identity;

import static io.crosspatch.simulator.identity.IdentityFixtures.anyAwsVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.anyAzureVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.anyGcpVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.anyOrgId;
import static io.crosspatch.simulator.identity.IdentityFixtures.anyVmwareVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.get;
import static io.crosspatch.simulator.identity.IdentityFixtures.json;
import static io.crosspatch.simulator.identity.IdentityFixtures.send;
import static io.crosspatch.simulator.identity.IdentityFixtures.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /_sim/vms}: simulated VMs with provider-realistic ids, and the simulator's refusals of bad requests. */
class SimulatedVmsTest {

    @Test
    void shouldCreateVmsWithProviderRealisticInstanceIds() {
        Instant before = Instant.now();

        JsonNode gcp = anyGcpVm();
        JsonNode azure = anyAzureVm();
        JsonNode aws = anyAwsVm();
        JsonNode vmware = anyVmwareVm(anyOrgId());

        assertThat(gcp.get("instanceId").asText()).matches("[1-9][0-9]{18}");
        assertThat(azure.get("instanceId").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(aws.get("instanceId").asText()).matches("i-[0-9a-f]{17}");
        assertThat(vmware.get("instanceId").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(Instant.parse(aws.get("createdAt").asText())).isBetween(before, Instant.now());
        assertThat(gcp.get("metadataBaseUrl").asText())
                .isEqualTo(
                        simulator() + SimulatorPaths.VMS + "/" + gcp.get("vmId").asText() + "/metadata");
        assertThat(vmware.get("guestinfoUrl").asText())
                .isEqualTo(vmware.get("metadataBaseUrl").asText() + "/guestinfo");
    }

    @Test
    void shouldKeepIdentitiesOnWallClockTimeWhenTheSimulatedClockIsAdvanced() {
        // identity-service checks iat/exp against its real clock; the simulated clock only fast-forwards AWS
        try (CloudSimulator own =
                CloudSimulator.start(SimulatorConfig.defaults().rateLimitsEnabled(false))) {
            own.clock().advance(Duration.ofDays(40));

            JsonNode vm = IdentityFixtures.createVm(
                    own.endpoint().toString(),
                    "{\"provider\":\"aws\",\"accountId\":\"123456789012\",\"instanceName\":\"later\"}");

            assertThat(Duration.between(
                                    Instant.now(),
                                    Instant.parse(vm.get("createdAt").asText()))
                            .abs())
                    .isLessThan(Duration.ofMinutes(1));
        }
    }

    @Test
    void shouldShowACreatedVm() {
        JsonNode created = anyAzureVm();

        HttpResponse<String> shown =
                get(simulator() + SimulatorPaths.VMS + "/" + created.get("vmId").asText());

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(json(shown)).isEqualTo(created);
        assertThat(json(get(simulator() + SimulatorPaths.VMS)).findValuesAsText("vmId"))
                .contains(created.get("vmId").asText());
    }

    @Test
    void shouldCountTheRequestsAVmsMetadataServiceAnswered() {
        // given a fresh VM, whose guest has asked its metadata service nothing
        JsonNode created = anyAwsVm();
        String vm = simulator() + SimulatorPaths.VMS + "/" + created.get("vmId").asText();
        assertThat(created.get("metadataRequests").asLong()).isZero();

        // when the guest asks IMDS for a token and the identity document
        String token = send(
                        "PUT",
                        created.get("metadataBaseUrl").asText() + "/latest/api/token",
                        "",
                        "X-aws-ec2-metadata-token-ttl-seconds",
                        "300")
                .body();
        get(
                created.get("metadataBaseUrl").asText() + "/latest/dynamic/instance-identity/document",
                "X-aws-ec2-metadata-token",
                token);

        // then the VM's view counts both, and another VM's none
        assertThat(json(get(vm)).get("metadataRequests").asLong()).isEqualTo(2);
        assertThat(anyGcpVm().get("metadataRequests").asLong()).isZero();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownVm() {
        HttpResponse<String> response =
                get(simulator() + SimulatorPaths.VMS + "/vm-0000000000000000/metadata/latest/api/token");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("VM_NOT_FOUND");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"provider\":\"oracle\",\"accountId\":\"x\",\"instanceName\":\"a\"}                          | INVALID_PROVIDER",
                "{\"provider\":\"gcp\",\"instanceName\":\"a\"}                                                  | MISSING_FIELD",
                "{\"provider\":\"gcp\",\"accountId\":\"Bad_Project\",\"instanceName\":\"a\"}                    | INVALID_ACCOUNT_ID",
                "{\"provider\":\"gcp\",\"accountId\":\"good-project\",\"instanceName\":\"Web_1\"}               | INVALID_INSTANCE_NAME",
                "{\"provider\":\"gcp\",\"accountId\":\"good-project\",\"instanceName\":\"a\",\"zone\":\"mars\"} | INVALID_LOCATION",
                "{\"provider\":\"azure\",\"accountId\":\"not-a-guid\",\"instanceName\":\"a\"}                   | INVALID_ACCOUNT_ID",
                "{\"provider\":\"aws\",\"accountId\":\"12345\",\"instanceName\":\"a\"}                          | INVALID_ACCOUNT_ID",
                "{\"provider\":\"aws\",\"accountId\":\"123456789012\",\"instanceName\":\"a\",\"region\":\"x\"}  | INVALID_LOCATION",
                "{\"provider\":\"vmware\",\"accountId\":\"vc/../1\",\"instanceName\":\"a\"}                     | INVALID_ACCOUNT_ID",
                "{\"provider\":\"vmware\",\"accountId\":\"vc1\",\"instanceName\":\"a\",\"labels\":[1]}          | INVALID_LABELS",
                "{not json                                                                                      | INVALID_JSON"
            })
    void shouldRefuseMalformedVmRequests(String body, String code) {
        HttpResponse<String> response = send("POST", simulator() + SimulatorPaths.VMS, body.strip());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo(code);
    }

    @Test
    void shouldRefuseMalformedForgeries() {
        String gcpVm = anyGcpVm().get("vmId").asText();

        HttpResponse<String> wrongProvider =
                send("POST", simulator() + SimulatorPaths.FORGE + "/aws", "{\"vmId\":\"" + gcpVm + "\"}");
        HttpResponse<String> unknownVm =
                send("POST", simulator() + SimulatorPaths.FORGE + "/gcp", "{\"vmId\":\"vm-nope\"}");
        HttpResponse<String> badSigner = send(
                "POST", simulator() + SimulatorPaths.FORGE + "/gcp", "{\"vmId\":\"" + gcpVm + "\",\"signer\":\"x\"}");
        HttpResponse<String> hugeShift = send(
                "POST",
                simulator() + SimulatorPaths.FORGE + "/gcp",
                "{\"vmId\":\"" + gcpVm + "\",\"issuedAtOffsetSeconds\":9000000000000000}");

        assertThat(wrongProvider.statusCode()).isEqualTo(400);
        assertThat(json(wrongProvider).get("error").asText()).isEqualTo("PROVIDER_MISMATCH");
        assertThat(unknownVm.statusCode()).isEqualTo(404);
        assertThat(badSigner.statusCode()).isEqualTo(400);
        assertThat(json(hugeShift).get("error").asText()).isEqualTo("INVALID_TIME");
    }

    @Test
    void shouldSummariseWhereEachCloudsTrustAnchorsAre() {
        JsonNode trust = json(get(simulator() + SimulatorPaths.TRUST));

        assertThat(trust.at("/gcp/jwksUri").asText()).isEqualTo(simulator() + "/_sim/trust/gcp/jwks");
        assertThat(trust.at("/gcp/issuer").asText()).isEqualTo("https://accounts.google.com");
        assertThat(trust.at("/azure/rootPemUri").asText()).isEqualTo(simulator() + "/_sim/trust/azure/root.pem");
        assertThat(trust.at("/azure/signerDnsName").asText()).isEqualTo("metadata.azure.com");
        assertThat(trust.at("/aws/certificateUriTemplate").asText())
                .isEqualTo(simulator() + "/_sim/trust/aws/certificates/{region}.pem");
        assertThat(trust.at("/vmware/issuersUri").asText()).isEqualTo(simulator() + "/_sim/trust/vmware/issuers");
    }
}
