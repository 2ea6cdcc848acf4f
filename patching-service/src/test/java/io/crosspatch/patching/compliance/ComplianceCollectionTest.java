package io.crosspatch.patching.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.PingStatus;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.patching.compliance.application.ComplianceCollector;
import io.crosspatch.patching.registration.application.RegistrationWatcher;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.activationcode.ActivationCodeCipher;
import io.crosspatch.servicekit.testing.EventLog;
import io.crosspatch.simulator.client.SimulatorControl;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Compliance collection against the simulator's patch engine: after the early group's install window and the
 * regular Scan, patch.results says per instance exactly what the simulator's ground truth says; early RHEL nodes
 * miss fewer patches than late ones, whose baseline approves only patches 14 days old; an unchanged account
 * publishes nothing, and a changed ping status publishes exactly that instance.
 */
class ComplianceCollectionTest extends PatchingIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ActivationCodeCipher cipher;

    @Autowired
    private RegistrationWatcher watcher;

    @Autowired
    private ComplianceCollector collector;

    @Test
    void publishesWhatTheSimulatorReportsAndOnlyWhenAnInstanceChanged() throws Exception {
        // given RHEL and Ubuntu nodes in the early and the late group of one account
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        SystemAccountRef ref = new SystemAccountRef(
                account.getAccountId(), account.getRegion(), account.getRoleArn(), account.getSsmServiceRoleName());
        Map<String, String> nodeOf = new HashMap<>();
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            for (OperatingSystem os : List.of(OperatingSystem.REDHAT_ENTERPRISE_LINUX, OperatingSystem.UBUNTU)) {
                for (String group : List.of("early", "late")) {
                    nodeOf.put(os + "/" + group, enrollAndRegister(test, account, os, group));
                }
            }
            assertThat(watcher.watch(ref)).isEqualTo(4);

            // when the early group's install window opens, and the regular Scan runs half an hour later
            String earlyWindow = test.ssm()
                    .describeMaintenanceWindows(
                            r -> r.filters(f -> f.key("Name").values("crosspatch-install-early")))
                    .windowIdentities()
                    .get(0)
                    .windowId();
            assertThat(test.runWindowNow(earlyWindow).get("status").asText()).isEqualTo("SUCCESS");
            SIMULATOR.clock().advance(Duration.ofMinutes(31));
            Instant scannedBy = SIMULATOR.clock().instant();
            int published = collector.collect(ref);

            // then one result per instance, each exactly the simulator's ground truth
            assertThat(published).isEqualTo(4);
            Map<String, PatchResult> results = latestResults(account);
            JsonNode truth = test.patchStates();
            assertThat(truth).hasSize(4);
            for (JsonNode expected : truth) {
                PatchResult result = results.get(expected.get("InstanceId").asText());
                assertThat(result).as(expected.get("InstanceId").asText()).isNotNull();
                assertMatches(result, expected);
            }
            // and early RHEL misses fewer patches than late RHEL, whose approved patches are all 14 days old
            PatchResult earlyRhel = results.get(nodeOf.get("REDHAT_ENTERPRISE_LINUX/early"));
            PatchResult lateRhel = results.get(nodeOf.get("REDHAT_ENTERPRISE_LINUX/late"));
            assertThat(earlyRhel.getCounts().getMissing())
                    .isLessThan(lateRhel.getCounts().getMissing());
            Map<String, Instant> released = releaseDates(truth, nodeOf.get("REDHAT_ENTERPRISE_LINUX/late"));
            lateRhel.getPatches().stream()
                    .filter(p -> p.getState().name().equals("MISSING"))
                    .forEach(p -> assertThat(released.get(p.getId())).isBefore(scannedBy.minus(Duration.ofDays(14))));
            assertThat(results.get(nodeOf.get("UBUNTU/early")).getCounts().getMissing())
                    .isLessThan(
                            results.get(nodeOf.get("UBUNTU/late")).getCounts().getMissing());

            // when nothing changed, a second sweep publishes nothing
            assertThat(collector.collect(ref)).isZero();

            // when one node loses its connection, exactly that instance is published again
            String lost = nodeOf.get("UBUNTU/late");
            new SimulatorControl(SIMULATOR.endpoint()).setNodeStatus(lost, SimulatorControl.NodeStatus.CONNECTION_LOST);
            assertThat(collector.collect(ref)).isEqualTo(1);
            List<PatchResult> ofLost =
                    EventLog.all(Topics.PATCH_RESULTS.name(), Fixtures.cloudAccountKey(account), PatchResult.class)
                            .stream()
                            .filter(r -> r.getManagedInstanceId().equals(lost))
                            .toList();
            assertThat(ofLost).hasSize(2);
            assertThat(ofLost.get(1).getAgent().getPingStatus()).isEqualTo(PingStatus.CONNECTION_LOST);
            assertThat(ofLost.get(1).getPatches()).hasSameSizeAs(ofLost.get(0).getPatches());
        }
    }

    private String enrollAndRegister(AccountSsm test, SystemAccount account, OperatingSystem os, String group)
            throws Exception {
        AccountReady ready = Fixtures.accountReady(account, os, group);
        kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(account), ready)
                .get();
        InstanceActivated issued = EventLog.await(
                        Topics.INSTANCE_ACTIVATED.name(),
                        Fixtures.cloudAccountKey(account),
                        InstanceActivated.class,
                        e -> e.getEnrollmentId().equals(ready.getEnrollmentId())
                                && e.getStage() == ActivationStage.ACTIVATION_ISSUED,
                        1)
                .get(0);
        return test.registerAgent(
                issued.getActivation().getActivationId(),
                cipher.decrypt(issued.getActivation().getEncryptedActivationCode()),
                ready.getIdentity().getHostname(),
                Fixtures.platform(os));
    }

    private static Map<String, PatchResult> latestResults(SystemAccount account) {
        Map<String, PatchResult> latest = new HashMap<>();
        EventLog.all(Topics.PATCH_RESULTS.name(), Fixtures.cloudAccountKey(account), PatchResult.class)
                .forEach(result -> latest.put(result.getManagedInstanceId(), result));
        return latest;
    }

    private static void assertMatches(PatchResult result, JsonNode expected) {
        String id = expected.get("InstanceId").asText();
        assertThat(result.getBaselineId())
                .as(id)
                .isEqualTo(expected.get("BaselineId").asText());
        assertThat(result.getPatchGroup())
                .as(id)
                .isEqualTo(expected.get("PatchGroup").asText());
        var counts = result.getCounts();
        assertThat(counts.getInstalled())
                .as(id)
                .isEqualTo(expected.get("InstalledCount").asInt());
        assertThat(counts.getInstalledOther())
                .as(id)
                .isEqualTo(expected.get("InstalledOtherCount").asInt());
        assertThat(counts.getInstalledPendingReboot())
                .as(id)
                .isEqualTo(expected.get("InstalledPendingRebootCount").asInt());
        assertThat(counts.getInstalledRejected())
                .as(id)
                .isEqualTo(expected.get("InstalledRejectedCount").asInt());
        assertThat(counts.getMissing())
                .as(id)
                .isEqualTo(expected.get("MissingCount").asInt());
        assertThat(counts.getFailed())
                .as(id)
                .isEqualTo(expected.get("FailedCount").asInt());
        assertThat(counts.getNotApplicable())
                .as(id)
                .isEqualTo(expected.get("NotApplicableCount").asInt());
        assertThat(counts.getCriticalNonCompliant())
                .as(id)
                .isEqualTo(expected.get("CriticalNonCompliantCount").asInt());
        assertThat(counts.getSecurityNonCompliant())
                .as(id)
                .isEqualTo(expected.get("SecurityNonCompliantCount").asInt());
        assertThat(result.getLastOperation().getOperation().name())
                .as(id)
                .isEqualToIgnoringCase(expected.get("Operation").asText());
        assertThat(result.getLastOperation().getStartedAt())
                .as(id)
                .isEqualTo(Instant.parse(expected.get("OperationStartTime").asText())
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Map<String, String> expectedStates = new HashMap<>();
        expected.get("Patches")
                .forEach(p -> expectedStates.put(
                        p.get("KBId").asText(), p.get("State").asText()));
        assertThat(result.getPatches().stream()
                        .collect(Collectors.toMap(
                                PatchDetail::getId, p -> p.getState().name())))
                .as(id)
                .isEqualTo(expectedStates);
    }

    private static Map<String, Instant> releaseDates(JsonNode truth, String instanceId) {
        Map<String, Instant> dates = new HashMap<>();
        for (JsonNode node : truth) {
            if (node.get("InstanceId").asText().equals(instanceId)) {
                node.get("Patches")
                        .forEach(p -> dates.put(
                                p.get("KBId").asText(),
                                Instant.parse(p.get("ReleaseDate").asText())));
            }
        }
        return dates;
    }
}
