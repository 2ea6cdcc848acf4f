package io.crosspatch.simulator.ssm.patching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTaskType;

/**
 * A simulator of the test's own (its clock is the test's to advance), with an SSM client in the management
 * account, the SSM service role, and the steps every patching scenario repeats: activations per patch group,
 * agents registering, install windows, running a window now, reading the ground truth.
 */
final class PatchingFixture implements AutoCloseable {

    static final String ACCOUNT = "111111111111";
    static final String REGION = "eu-west-1";
    static final String ROLE = "CrosspatchSsmServiceRole";

    private final CloudSimulator simulator;
    private final StaticCredentialsProvider keys;
    private final SsmClient ssm;

    PatchingFixture(SimulatorConfig config) {
        simulator = CloudSimulator.start(config);
        keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                simulator.managementCredentials().accessKeyId(),
                simulator.managementCredentials().secretAccessKey()));
        ssm = SsmClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(keys)
                .build();
        try (IamClient iam = IamClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(keys)
                .build()) {
            iam.createRole(
                    r -> r.roleName(ROLE)
                            .assumeRolePolicyDocument(
                                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ssm.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
    }

    CloudSimulator simulator() {
        return simulator;
    }

    SsmClient ssm() {
        return ssm;
    }

    StaticCredentialsProvider keys() {
        return keys;
    }

    CreateActivationResponse activation(String patchGroup) {
        return ssm.createActivation(r -> r.iamRole(ROLE)
                .registrationLimit(5)
                .defaultInstanceName("node-" + patchGroup)
                .tags(t -> t.key("Patch Group").value(patchGroup)));
    }

    /** Registers a simulated agent with the activation; returns its managed instance id. */
    String register(CreateActivationResponse activation, String hostname, String platformName, String version)
            throws Exception {
        String body = Http.JSON
                .createObjectNode()
                .put("activationCode", activation.activationCode())
                .put("activationId", activation.activationId())
                .put("region", REGION)
                .put("hostname", hostname)
                .put("platformName", platformName)
                .put("platformVersion", version)
                .toString();
        return post(SimulatorPaths.AGENT_REGISTER, body).get("instanceId").asText();
    }

    /** A window that installs (reboot if needed) on the nodes of one patch group. */
    String installWindow(String patchGroup, String schedule) {
        String windowId = ssm.createMaintenanceWindow(r -> r.name("crosspatch-install-" + patchGroup)
                        .schedule(schedule)
                        .duration(4)
                        .cutoff(1)
                        .allowUnassociatedTargets(false))
                .windowId();
        String targetId = ssm.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId)
                        .resourceType("INSTANCE")
                        .targets(t -> t.key("tag:Patch Group").values(patchGroup)))
                .windowTargetId();
        ssm.registerTaskWithMaintenanceWindow(r -> r.windowId(windowId)
                .taskArn("AWS-RunPatchBaseline")
                .taskType(MaintenanceWindowTaskType.RUN_COMMAND)
                .targets(t -> t.key("WindowTargetIds").values(targetId))
                .maxConcurrency("10")
                .maxErrors("1")
                .priority(1)
                .taskInvocationParameters(p -> p.runCommand(c -> c.parameters(
                        Map.of("Operation", List.of("Install"), "RebootOption", List.of("RebootIfNeeded"))))));
        return windowId;
    }

    /** Opens the window now; returns the execution the simulator recorded. */
    JsonNode runNow(String windowId) throws Exception {
        return post(
                SimulatorPaths.MAINTENANCE_WINDOWS + "/" + windowId + "/run",
                "{\"accountId\":\"" + ACCOUNT + "\",\"region\":\"" + REGION + "\"}");
    }

    /** The control endpoint's list of the account's windows in {@code region}. */
    JsonNode windows(String region) throws Exception {
        return Http.JSON.readTree(
                get(SimulatorPaths.MAINTENANCE_WINDOWS + "?accountId=" + ACCOUNT + "&region=" + region));
    }

    /** The ground truth without the patch lists ({@code patches=false}). */
    JsonNode patchCounts() throws Exception {
        return Http.JSON.readTree(
                get(SimulatorPaths.PATCH_STATES + "?accountId=" + ACCOUNT + "&region=" + REGION + "&patches=false"));
    }

    /** The simulator's ground truth of every reported node of the account. */
    JsonNode patchStates() throws Exception {
        return Http.JSON.readTree(get(SimulatorPaths.PATCH_STATES + "?accountId=" + ACCOUNT + "&region=" + REGION));
    }

    JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return Http.JSON.readTree(response.body());
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Override
    public void close() {
        ssm.close();
        simulator.close();
    }
}
