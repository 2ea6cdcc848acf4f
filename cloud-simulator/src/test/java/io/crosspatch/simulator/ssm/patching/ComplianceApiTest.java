package io.crosspatch.simulator.ssm.patching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.http.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.DescribePatchGroupStateResponse;
import software.amazon.awssdk.services.ssm.model.InstancePatchState;
import software.amazon.awssdk.services.ssm.model.InstancePatchStateOperatorType;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowExecutionStatus;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTaskType;
import software.amazon.awssdk.services.ssm.model.PatchComplianceData;
import software.amazon.awssdk.services.ssm.model.PatchComplianceDataState;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The compliance APIs over the real SDK, against the simulation's ground truth. */
class ComplianceApiTest {

    private static final String REGION = "eu-west-1";
    private static final String ROLE = "CrosspatchSsmServiceRole";

    private CloudSimulator simulator;
    private SsmClient ssm;
    private StaticCredentialsProvider keys;

    @BeforeEach
    void startSimulator() {
        simulator = CloudSimulator.start(SimulatorConfig.defaults().rateLimitsEnabled(false).patchInstallFailureProbability(0.3));
        keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                simulator.managementCredentials().accessKeyId(), simulator.managementCredentials().secretAccessKey()));
        ssm = SsmClient.builder().endpointOverride(simulator.endpoint()).region(Region.of(REGION)).credentialsProvider(keys).build();
        try (IamClient iam = IamClient.builder().endpointOverride(simulator.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(keys).build()) {
            iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ssm.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
    }

    @AfterEach
    void stopSimulator() {
        ssm.close();
        simulator.close();
    }

    @Test
    void shouldReportNothingForNodesNoRunHasReachedYet() throws Exception {
        String node = register(activation("early"), "fresh", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");

        assertThat(ssm.describeInstancePatchStates(r -> r.instanceIds(node)).instancePatchStates()).isEmpty();
        assertThat(ssm.describeInstancePatches(r -> r.instanceId(node)).patches()).isEmpty();
    }

    @Test
    void shouldMatchGroundTruthAfterAScanAssociationAndAnInstallWindowWithFailures() throws Exception {
        // given two Windows nodes in "early", a daily scan association and an install window with failures injected
        CreateActivationResponse activation = activation("early");
        String first = register(activation, "win-1", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");
        String second = register(activation, "win-2", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");
        ssm.createAssociation(r -> r.name("AWS-RunPatchBaseline").associationName("crosspatch-scan")
                .targets(t -> t.key("InstanceIds").values("*")).scheduleExpression("rate(1 day)")
                .parameters(Map.of("Operation", List.of("Scan"))));
        simulator.clock().advance(Duration.ofSeconds(1));
        assertThat(ssm.describeInstancePatchStates(r -> r.instanceIds(first, second)).instancePatchStates())
                .extracting(InstancePatchState::operationAsString).containsOnly("Scan");
        String windowId = installWindow("early");

        // when the window runs
        JsonNode execution = post("/_sim/maintenance-windows/" + windowId + "/run",
                "{\"accountId\":\"111111111111\",\"region\":\"" + REGION + "\"}");

        // then every API answer equals the simulator's ground truth
        JsonNode truth = Http.JSON.readTree(get("/_sim/patch-states?accountId=111111111111&region=" + REGION));
        assertThat(truth).hasSize(2);
        for (JsonNode node : truth) {
            String id = node.get("InstanceId").asText();
            InstancePatchState state = ssm.describeInstancePatchStates(r -> r.instanceIds(id)).instancePatchStates().get(0);
            assertThat(state.operationAsString()).isEqualTo("Install");
            assertThat(state.installedCount()).isEqualTo(node.get("InstalledCount").asInt());
            assertThat(state.missingCount()).isEqualTo(node.get("MissingCount").asInt());
            assertThat(state.failedCount()).isEqualTo(node.get("FailedCount").asInt());
            assertThat(state.criticalNonCompliantCount()).isEqualTo(node.get("CriticalNonCompliantCount").asInt());
            List<PatchComplianceData> patches = ssm.describeInstancePatchesPaginator(r -> r.instanceId(id).maxResults(10))
                    .patches().stream().toList();
            assertThat(patches).hasSize(node.get("Patches").size());
        }
        int failedNodes = (int) truth.findValues("FailedCount").stream().filter(count -> count.asInt() > 0).count();
        assertThat(execution.get("status").asText()).isEqualTo(failedNodes > 0 ? "FAILED" : "SUCCESS");
        assertThat(ssm.describeMaintenanceWindowExecutions(r -> r.windowId(windowId)).windowExecutions())
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(failedNodes > 0
                        ? MaintenanceWindowExecutionStatus.FAILED : MaintenanceWindowExecutionStatus.SUCCESS));
        DescribePatchGroupStateResponse group = ssm.describePatchGroupState(r -> r.patchGroup("early"));
        assertThat(group.instances()).isEqualTo(2);
        assertThat(group.instancesWithFailedPatches()).isEqualTo(failedNodes);
    }

    @Test
    void shouldFilterPatchesAndGroupStates() throws Exception {
        String node = register(activation("late"), "rhel", "Red Hat Enterprise Linux", "9.4");
        post("/_sim/maintenance-windows/" + installWindow("late") + "/run", "{\"accountId\":\"111111111111\",\"region\":\"" + REGION + "\"}");

        List<PatchComplianceData> installed = ssm.describeInstancePatches(r -> r.instanceId(node)
                .filters(f -> f.key("State").values("INSTALLED"))).patches();
        List<InstancePatchState> noneMissing = ssm.describeInstancePatchStatesForPatchGroup(r -> r.patchGroup("late")
                .filters(f -> f.key("MissingCount").values("0").type(InstancePatchStateOperatorType.EQUAL))).instancePatchStates();

        assertThat(installed).isNotEmpty().allSatisfy(p -> assertThat(p.state()).isEqualTo(PatchComplianceDataState.INSTALLED));
        assertThat(noneMissing).extracting(InstancePatchState::instanceId).containsExactly(node);
        assertThatThrownBy(() -> ssm.describeInstancePatches(r -> r.instanceId(node).filters(f -> f.key("Nope").values("x"))))
                .isInstanceOf(SsmException.class);
        assertThatThrownBy(() -> ssm.describeInstancePatches(r -> r.instanceId("mi-00000000000000000")))
                .isInstanceOf(InvalidInstanceIdException.class);
    }

    @Test
    void shouldFailTheWindowForNodesThatLostConnection() throws Exception {
        String node = register(activation("on-time"), "gone", "Ubuntu", "22.04");
        post("/_sim/nodes/" + node + "/connection-lost", "");

        JsonNode execution = post("/_sim/maintenance-windows/" + installWindow("on-time") + "/run",
                "{\"accountId\":\"111111111111\",\"region\":\"" + REGION + "\"}");

        assertThat(execution.get("status").asText()).isEqualTo("FAILED");
        try (SsmAsyncClient async = SsmAsyncClient.builder().endpointOverride(simulator.endpoint())
                .region(Region.of(REGION)).credentialsProvider(keys).build()) {
            assertThat(async.describeInstancePatchStates(r -> r.instanceIds(node)).join().instancePatchStates()).isEmpty();
        }
    }

    private CreateActivationResponse activation(String group) {
        return ssm.createActivation(r -> r.iamRole(ROLE).registrationLimit(5).tags(t -> t.key("Patch Group").value(group)));
    }

    private String installWindow(String group) {
        String windowId = ssm.createMaintenanceWindow(r -> r.name("install-" + group).schedule("cron(0 2 ? * TUE#2 *)")
                .duration(4).cutoff(1).allowUnassociatedTargets(false)).windowId();
        String targetId = ssm.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId).resourceType("INSTANCE")
                .targets(t -> t.key("tag:Patch Group").values(group))).windowTargetId();
        ssm.registerTaskWithMaintenanceWindow(r -> r.windowId(windowId).taskArn("AWS-RunPatchBaseline")
                .taskType(MaintenanceWindowTaskType.RUN_COMMAND).targets(t -> t.key("WindowTargetIds").values(targetId))
                .maxConcurrency("10").maxErrors("1")
                .taskInvocationParameters(p -> p.runCommand(c -> c.parameters(Map.of("Operation", List.of("Install"))))));
        return windowId;
    }

    private String register(CreateActivationResponse activation, String hostname, String platformName, String version)
            throws Exception {
        String body = Http.JSON.createObjectNode().put("activationCode", activation.activationCode())
                .put("activationId", activation.activationId()).put("region", REGION).put("hostname", hostname)
                .put("platformName", platformName).put("platformVersion", version).toString();
        return post("/_sim/agent/register", body).get("instanceId").asText();
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return Http.JSON.readTree(response.body());
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
