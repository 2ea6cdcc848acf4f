package io.crosspatch.simulator.ssm.patching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstancePatchState;
import software.amazon.awssdk.services.ssm.model.OperatingSystem;
import software.amazon.awssdk.services.ssm.model.PatchComplianceData;
import software.amazon.awssdk.services.ssm.model.PatchComplianceDataState;
import software.amazon.awssdk.services.ssm.model.PatchFilterKey;

/**
 * The patch groups' promise, end to end through the SSM API: nodes in early, on-time and late get patches
 * 0, 7 and 14 days after release — by the baselines' ApproveAfterDays where the OS supports it (RHEL), and by
 * the maintenance windows' timing where it does not (Ubuntu, whose baselines cannot carry a release-age rule).
 */
class PatchGroupTimingTest {

    private static final Map<String, Integer> DELAY_DAYS = Map.of("early", 0, "on-time", 7, "late", 14);
    /** Ubuntu's delay comes from when each group's window opens: the 2nd, 3rd and 4th Tuesday of the month. */
    private static final Map<String, String> UBUNTU_SCHEDULE = Map.of(
            "early", "cron(0 2 ? * TUE#2 *)", "on-time", "cron(0 2 ? * TUE#3 *)", "late", "cron(0 2 ? * TUE#4 *)");

    private PatchingFixture fixture;
    private SsmClient ssm;

    @BeforeEach
    void startSimulator() {
        fixture = new PatchingFixture(SimulatorConfig.defaults().rateLimitsEnabled(false));
        ssm = fixture.ssm();
    }

    @AfterEach
    void stopSimulator() {
        fixture.close();
    }

    @Test
    void rhelGroupsInstallOnlyPatchesAsOldAsTheirApproveAfterDays() throws Exception {
        // given one RHEL node per group, each group with its own baseline and Install window
        Map<String, String> nodes = new HashMap<>();
        Map<String, String> windows = new HashMap<>();
        for (String group : DELAY_DAYS.keySet()) {
            String baselineId = ssm.createPatchBaseline(b -> b.name("crosspatch-rhel-" + group)
                            .operatingSystem(OperatingSystem.REDHAT_ENTERPRISE_LINUX)
                            .approvalRules(rules -> rules.patchRules(rule -> rule.patchFilterGroup(f -> f.patchFilters(
                                            pf -> pf.key(PatchFilterKey.PRODUCT).values("*")))
                                    .approveAfterDays(DELAY_DAYS.get(group))
                                    .complianceLevel("HIGH"))))
                    .baselineId();
            ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(baselineId).patchGroup(group));
            nodes.put(
                    group,
                    fixture.register(fixture.activation(group), "rhel-" + group, "Red Hat Enterprise Linux", "9.4"));
            windows.put(group, fixture.installWindow(group, "cron(0 2 ? * TUE#2 *)"));
        }
        fixture.simulator().clock().advance(Duration.ofDays(3));

        // when every group's window runs at the same moment
        Instant runAt = fixture.simulator().clock().instant();
        for (String window : windows.values()) {
            assertThat(fixture.runNow(window).get("status").asText()).isEqualTo("SUCCESS");
        }

        // then each node's approved patches are exactly the released ones at least its delay old
        Map<String, Instant> releaseDates = releaseDates(nodes.get("early"));
        Map<String, Set<String>> approved = new HashMap<>();
        for (String group : DELAY_DAYS.keySet()) {
            approved.put(group, approvedIds(patches(nodes.get(group))));
        }
        for (String group : DELAY_DAYS.keySet()) {
            Instant newestAllowed = runAt.minus(Duration.ofDays(DELAY_DAYS.get(group)));
            Set<String> expected = approved.get("early").stream()
                    .filter(id -> !releaseDates.get(id).isAfter(newestAllowed))
                    .collect(Collectors.toSet());
            assertThat(approved.get(group)).as(group).isEqualTo(expected);
        }
        assertThat(approved.get("early"))
                .hasSizeGreaterThan(approved.get("on-time").size());
        assertThat(approved.get("on-time"))
                .hasSizeGreaterThan(approved.get("late").size());
        // and the install left nothing approved missing, and installed nothing younger than the group's delay.
        // (Installed counts are not compared across nodes: which patches apply to a node, and which its image
        // already had, depend on its instance id, so two nodes' counts differ for reasons unrelated to delay.)
        for (String group : DELAY_DAYS.keySet()) {
            InstancePatchState state = patchState(nodes.get(group));
            assertThat(state.missingCount()).as(group).isZero();
            assertThat(state.patchGroup()).isEqualTo(group);
            Instant newestAllowed = runAt.minus(Duration.ofDays(DELAY_DAYS.get(group)));
            assertThat(installTimes(patches(nodes.get(group)), runAt, runAt.plus(Duration.ofHours(4)))
                            .keySet())
                    .as(group + " installed by the run")
                    .allSatisfy(id -> assertThat(releaseDates.get(id)).isBeforeOrEqualTo(newestAllowed));
        }
    }

    @Test
    void ubuntuGroupsGetTheSamePatchesOneAndTwoWeeksLaterThroughTheirWindows() throws Exception {
        // given Ubuntu baselines without any release-age rule, and windows on the 2nd, 3rd and 4th Tuesday
        Map<String, String> nodes = new HashMap<>();
        Map<String, String> windows = new HashMap<>();
        for (String group : DELAY_DAYS.keySet()) {
            String baselineId = ssm.createPatchBaseline(b -> b.name("crosspatch-ubuntu-" + group)
                            .operatingSystem(OperatingSystem.UBUNTU)
                            .approvalRules(rules -> rules.patchRules(rule -> rule.patchFilterGroup(
                                            f -> f.patchFilters(pf -> pf.key(PatchFilterKey.PRIORITY)
                                                    .values("*")))
                                    .complianceLevel("HIGH"))))
                    .baselineId();
            ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(baselineId).patchGroup(group));
            nodes.put(group, fixture.register(fixture.activation(group), "ubuntu-" + group, "Ubuntu", "22.04"));
            windows.put(group, fixture.installWindow(group, UBUNTU_SCHEDULE.get(group)));
        }

        // when the simulated month passes
        Instant earlyOpens = nextExecution(windows.get("early"));
        fixture.simulator()
                .clock()
                .advance(Duration.between(fixture.simulator().clock().instant(), earlyOpens)
                        .plusDays(15));

        // then the windows opened one and two weeks after the early one ...
        Instant onTimeRan = lastRun(windows.get("on-time"));
        Instant lateRan = lastRun(windows.get("late"));
        Instant earlyRan = firstRunAtOrAfter(windows.get("early"), earlyOpens);
        assertThat(Duration.between(earlyRan, onTimeRan)).isEqualTo(Duration.ofDays(7));
        assertThat(Duration.between(earlyRan, lateRan)).isEqualTo(Duration.ofDays(14));
        // ... so a patch the early node got at its window reached the late node exactly two weeks later
        Map<String, Instant> earlyInstalls =
                installTimes(patches(nodes.get("early")), earlyRan, earlyRan.plus(Duration.ofHours(4)));
        Map<String, Instant> lateInstalls =
                installTimes(patches(nodes.get("late")), lateRan, lateRan.plus(Duration.ofHours(4)));
        assertThat(earlyInstalls).isNotEmpty();
        Set<String> both = earlyInstalls.keySet().stream()
                .filter(lateInstalls::containsKey)
                .collect(Collectors.toSet());
        assertThat(both).isNotEmpty();
        both.forEach(id -> assertThat(Duration.between(earlyInstalls.get(id), lateInstalls.get(id)))
                .as(id)
                .isBetween(
                        Duration.ofDays(14).minusHours(4), Duration.ofDays(14).plusHours(4)));
    }

    private Instant nextExecution(String windowId) {
        return java.time.OffsetDateTime.parse(
                        ssm.getMaintenanceWindow(r -> r.windowId(windowId)).nextExecutionTime())
                .toInstant();
    }

    private Instant lastRun(String windowId) {
        return ssm.describeMaintenanceWindowExecutions(r -> r.windowId(windowId))
                .windowExecutions()
                .get(0)
                .startTime();
    }

    private Instant firstRunAtOrAfter(String windowId, Instant at) {
        return ssm.describeMaintenanceWindowExecutions(r -> r.windowId(windowId)).windowExecutions().stream()
                .map(e -> e.startTime())
                .filter(t -> !t.isBefore(at))
                .min(Instant::compareTo)
                .orElseThrow();
    }

    private InstancePatchState patchState(String instanceId) {
        return ssm.describeInstancePatchStates(r -> r.instanceIds(instanceId))
                .instancePatchStates()
                .get(0);
    }

    private List<PatchComplianceData> patches(String instanceId) {
        return ssm.describeInstancePatchesPaginator(r -> r.instanceId(instanceId)).patches().stream()
                .toList();
    }

    /** What the baseline approved for the node: every state but installed-other (installed without approval). */
    private static Set<String> approvedIds(List<PatchComplianceData> patches) {
        return patches.stream()
                .filter(p -> p.state() != PatchComplianceDataState.INSTALLED_OTHER
                        && p.state() != PatchComplianceDataState.INSTALLED_REJECTED)
                .map(PatchComplianceData::kbId)
                .collect(Collectors.toSet());
    }

    private static Map<String, Instant> installTimes(List<PatchComplianceData> patches, Instant from, Instant to) {
        return patches.stream()
                .filter(p ->
                        !p.installedTime().isBefore(from) && !p.installedTime().isAfter(to))
                .collect(Collectors.toMap(PatchComplianceData::kbId, PatchComplianceData::installedTime));
    }

    private Map<String, Instant> releaseDates(String instanceId) throws Exception {
        JsonNode states = fixture.patchStates();
        Map<String, Instant> dates = new HashMap<>();
        for (JsonNode node : states) {
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
