package io.crosspatch.simulator.ssm.patching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.simulator.ssm.patching.PatchRun.Operation;
import io.crosspatch.simulator.ssm.patching.PatchRun.PatchState;
import io.crosspatch.simulator.ssm.patching.PatchRun.RebootOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The patch simulation that decides what the simulator's compliance data says. */
class PatchRunTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private final PatchCatalogue catalogue = new PatchCatalogue(START, 42);

    @Test
    void earlyApprovesMoreThanOnTimeWhichApprovesMoreThanLate() {
        Instant now = START.plus(Duration.ofDays(10));

        long early = approved("REDHAT_ENTERPRISE_LINUX", baseline("REDHAT_ENTERPRISE_LINUX", 0), now);
        long onTime = approved("REDHAT_ENTERPRISE_LINUX", baseline("REDHAT_ENTERPRISE_LINUX", 7), now);
        long late = approved("REDHAT_ENTERPRISE_LINUX", baseline("REDHAT_ENTERPRISE_LINUX", 14), now);

        assertThat(early).isGreaterThan(onTime);
        assertThat(onTime).isGreaterThan(late);
    }

    @Test
    void ubuntuRulesWithoutReleaseAgeApproveEveryReleasedMatchingPatch() {
        BaselineRules ubuntu = new BaselineRules(
                "pb-u",
                "UBUNTU",
                Map.of(),
                List.of(new BaselineRules.Rule(Map.of("PRIORITY", List.of("*")), null, null, "UNSPECIFIED")),
                List.of(),
                List.of());

        assertThat(approved("UBUNTU", ubuntu, START))
                .isEqualTo(catalogue.released("UBUNTU", START).size());
    }

    @Test
    void scanReportsMissingAndInstallInstallsThem() {
        NodePatches node = NodePatches.fromImage("mi-0123456789abcdef0", "WINDOWS", START, catalogue);
        PatchRun run = new PatchRun(catalogue, 0.0, () -> 0.5);
        BaselineRules early = baseline("WINDOWS", 0);

        PatchComplianceReport scan = run.run(node, early, Operation.SCAN, RebootOption.REBOOT_IF_NEEDED, START);
        PatchComplianceReport install =
                run.run(node, early, Operation.INSTALL, RebootOption.REBOOT_IF_NEEDED, START.plusSeconds(60));
        PatchComplianceReport after =
                run.run(node, early, Operation.SCAN, RebootOption.REBOOT_IF_NEEDED, START.plusSeconds(7200));

        assertThat(scan.count(PatchState.MISSING)).isPositive();
        assertThat(install.count(PatchState.MISSING)).isZero();
        assertThat(install.count(PatchState.INSTALLED))
                .isEqualTo(scan.count(PatchState.MISSING) + scan.count(PatchState.INSTALLED));
        assertThat(after.count(PatchState.MISSING)).isZero();
        assertThat(after.succeeded()).isTrue();
    }

    @Test
    void failedInstallsAreReportedAndRetriedNextRun() {
        NodePatches node = NodePatches.fromImage("mi-0000000000000000a", "AMAZON_LINUX_2", START, catalogue);
        BaselineRules early = baseline("AMAZON_LINUX_2", 0);

        PatchComplianceReport failing = new PatchRun(catalogue, 1.0, () -> 0.5)
                .run(node, early, Operation.INSTALL, RebootOption.REBOOT_IF_NEEDED, START);
        PatchComplianceReport retried = new PatchRun(catalogue, 0.0, () -> 0.5)
                .run(node, early, Operation.INSTALL, RebootOption.REBOOT_IF_NEEDED, START.plusSeconds(3600));

        assertThat(failing.count(PatchState.FAILED)).isPositive();
        assertThat(failing.succeeded()).isFalse();
        assertThat(retried.count(PatchState.FAILED)).isZero();
        assertThat(retried.succeeded()).isTrue();
    }

    @Test
    void noRebootLeavesRebootRequiringPatchesPending() {
        NodePatches node = NodePatches.fromImage("mi-0000000000000000b", "WINDOWS", START, catalogue);

        PatchComplianceReport report = new PatchRun(catalogue, 0.0, () -> 0.5)
                .run(node, baseline("WINDOWS", 0), Operation.INSTALL, RebootOption.NO_REBOOT, START);

        assertThat(report.count(PatchState.INSTALLED_PENDING_REBOOT)).isPositive();
    }

    @Test
    void catalogueIsTheSameForTheSameSeed() {
        assertThat(new PatchCatalogue(START, 42).patches("DEBIAN")).isEqualTo(catalogue.patches("DEBIAN"));
        assertThat(new PatchCatalogue(START, 7).patches("DEBIAN")).isNotEqualTo(catalogue.patches("DEBIAN"));
    }

    private long approved(String os, BaselineRules baseline, Instant now) {
        return catalogue.released(os, now).stream()
                .filter(p -> PatchApproval.isApproved(p, baseline, now))
                .count();
    }

    private static BaselineRules baseline(String os, int approveAfterDays) {
        return new BaselineRules(
                "pb-" + approveAfterDays,
                os,
                Map.of(),
                List.of(new BaselineRules.Rule(Map.of("CLASSIFICATION", List.of("*")), approveAfterDays, null, "HIGH")),
                List.of(),
                List.of());
    }
}
