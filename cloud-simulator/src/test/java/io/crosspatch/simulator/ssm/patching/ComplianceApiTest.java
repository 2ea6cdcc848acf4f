package io.crosspatch.simulator.ssm.patching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.DescribePatchGroupStateResponse;
import software.amazon.awssdk.services.ssm.model.InstancePatchState;
import software.amazon.awssdk.services.ssm.model.InstancePatchStateOperatorType;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowExecutionStatus;
import software.amazon.awssdk.services.ssm.model.PatchComplianceData;
import software.amazon.awssdk.services.ssm.model.PatchComplianceDataState;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The compliance APIs over the real SDK, against the simulation's ground truth. */
class ComplianceApiTest {

    private static final String SCHEDULE = "cron(0 2 ? * TUE#2 *)";

    private PatchingFixture fixture;
    private SsmClient ssm;

    @BeforeEach
    void startSimulator() {
        fixture = new PatchingFixture(
                SimulatorConfig.defaults().rateLimitsEnabled(false).patchInstallFailureProbability(0.3));
        ssm = fixture.ssm();
    }

    @AfterEach
    void stopSimulator() {
        fixture.close();
    }

    @Test
    void shouldListTheAccountsWindowsSoEachCanBeOpenedByItsId() throws Exception {
        String windowId = fixture.installWindow("early", SCHEDULE);

        JsonNode windows = fixture.windows(PatchingFixture.REGION);

        assertThat(windows).hasSize(1);
        assertThat(windows.get(0).get("WindowId").asText()).isEqualTo(windowId);
        assertThat(windows.get(0).get("Name").asText()).isEqualTo("crosspatch-install-early");
        assertThat(windows.get(0).get("Schedule").asText()).isEqualTo(SCHEDULE);
        assertThat(fixture.windows("us-east-1")).isEmpty();
        assertThat(fixture.runNow(windows.get(0).get("WindowId").asText())
                        .get("status")
                        .asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void shouldReportNothingForNodesNoRunHasReachedYet() throws Exception {
        String node = fixture.register(
                fixture.activation("early"), "fresh", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");

        assertThat(ssm.describeInstancePatchStates(r -> r.instanceIds(node)).instancePatchStates())
                .isEmpty();
        assertThat(ssm.describeInstancePatches(r -> r.instanceId(node)).patches())
                .isEmpty();
    }

    @Test
    void shouldMatchGroundTruthAfterAScanAssociationAndAnInstallWindowWithFailures() throws Exception {
        // given two Windows nodes in "early", a daily scan association and an install window with failures injected
        CreateActivationResponse activation = fixture.activation("early");
        String first = fixture.register(activation, "win-1", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");
        String second = fixture.register(activation, "win-2", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");
        ssm.createAssociation(r -> r.name("AWS-RunPatchBaseline")
                .associationName("crosspatch-scan")
                .targets(t -> t.key("InstanceIds").values("*"))
                .scheduleExpression("rate(1 day)")
                .parameters(Map.of("Operation", List.of("Scan"))));
        fixture.simulator().clock().advance(Duration.ofSeconds(1));
        assertThat(ssm.describeInstancePatchStates(r -> r.instanceIds(first, second))
                        .instancePatchStates())
                .extracting(InstancePatchState::operationAsString)
                .containsOnly("Scan");
        String windowId = fixture.installWindow("early", SCHEDULE);

        // when the window runs
        JsonNode execution = fixture.runNow(windowId);

        // then every API answer equals the simulator's ground truth
        JsonNode truth = fixture.patchStates();
        assertThat(truth).hasSize(2);
        for (JsonNode node : truth) {
            String id = node.get("InstanceId").asText();
            InstancePatchState state = ssm.describeInstancePatchStates(r -> r.instanceIds(id))
                    .instancePatchStates()
                    .get(0);
            assertThat(state.operationAsString()).isEqualTo("Install");
            assertThat(state.installedCount())
                    .isEqualTo(node.get("InstalledCount").asInt());
            assertThat(state.missingCount()).isEqualTo(node.get("MissingCount").asInt());
            assertThat(state.failedCount()).isEqualTo(node.get("FailedCount").asInt());
            assertThat(state.criticalNonCompliantCount())
                    .isEqualTo(node.get("CriticalNonCompliantCount").asInt());
            List<PatchComplianceData> patches =
                    ssm.describeInstancePatchesPaginator(r -> r.instanceId(id).maxResults(10)).patches().stream()
                            .toList();
            assertThat(patches).hasSize(node.get("Patches").size());
        }
        JsonNode counts = fixture.patchCounts();
        assertThat(counts).hasSize(2);
        for (int i = 0; i < counts.size(); i++) {
            assertThat(counts.get(i).has("Patches")).isFalse();
            assertThat(counts.get(i).get("InstalledCount"))
                    .isEqualTo(truth.get(i).get("InstalledCount"));
            assertThat(counts.get(i).get("OperationEndTime"))
                    .isEqualTo(truth.get(i).get("OperationEndTime"));
        }
        int failedNodes = (int) truth.findValues("FailedCount").stream()
                .filter(count -> count.asInt() > 0)
                .count();
        assertThat(execution.get("status").asText()).isEqualTo(failedNodes > 0 ? "FAILED" : "SUCCESS");
        assertThat(ssm.describeMaintenanceWindowExecutions(r -> r.windowId(windowId))
                        .windowExecutions())
                .singleElement()
                .satisfies(e -> assertThat(e.status())
                        .isEqualTo(
                                failedNodes > 0
                                        ? MaintenanceWindowExecutionStatus.FAILED
                                        : MaintenanceWindowExecutionStatus.SUCCESS));
        DescribePatchGroupStateResponse group = ssm.describePatchGroupState(r -> r.patchGroup("early"));
        assertThat(group.instances()).isEqualTo(2);
        assertThat(group.instancesWithFailedPatches()).isEqualTo(failedNodes);
    }

    @Test
    void shouldFilterPatchesAndGroupStates() throws Exception {
        String node = fixture.register(fixture.activation("late"), "rhel", "Red Hat Enterprise Linux", "9.4");
        fixture.runNow(fixture.installWindow("late", SCHEDULE));

        List<PatchComplianceData> installed = ssm.describeInstancePatches(
                        r -> r.instanceId(node).filters(f -> f.key("State").values("INSTALLED")))
                .patches();
        List<InstancePatchState> noneMissing = ssm.describeInstancePatchStatesForPatchGroup(r -> r.patchGroup("late")
                        .filters(f -> f.key("MissingCount").values("0").type(InstancePatchStateOperatorType.EQUAL)))
                .instancePatchStates();

        assertThat(installed)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.state()).isEqualTo(PatchComplianceDataState.INSTALLED));
        assertThat(noneMissing).extracting(InstancePatchState::instanceId).containsExactly(node);
        assertThatThrownBy(() -> ssm.describeInstancePatches(
                        r -> r.instanceId(node).filters(f -> f.key("Nope").values("x"))))
                .isInstanceOf(SsmException.class);
        assertThatThrownBy(() -> ssm.describeInstancePatches(r -> r.instanceId("mi-00000000000000000")))
                .isInstanceOf(InvalidInstanceIdException.class);
    }

    @Test
    void shouldFailTheWindowForNodesThatLostConnection() throws Exception {
        String node = fixture.register(fixture.activation("on-time"), "gone", "Ubuntu", "22.04");
        fixture.post(SimulatorPaths.NODES + "/" + node + "/connection-lost", "");

        JsonNode execution = fixture.runNow(fixture.installWindow("on-time", SCHEDULE));

        assertThat(execution.get("status").asText()).isEqualTo("FAILED");
        try (SsmAsyncClient async = SsmAsyncClient.builder()
                .endpointOverride(fixture.simulator().endpoint())
                .region(Region.of(PatchingFixture.REGION))
                .credentialsProvider(fixture.keys())
                .build()) {
            assertThat(async.describeInstancePatchStates(r -> r.instanceIds(node))
                            .join()
                            .instancePatchStates())
                    .isEmpty();
        }
    }
}
