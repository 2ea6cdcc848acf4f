package io.crosspatch.simulator.ssm.patching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What {@code AWS-RunPatchBaseline} does on one node: Scan reports the node against its baseline; Install
 * also installs the approved, applicable, missing patches (each may fail with the configured probability),
 * then reboots if asked and needed. The result is the node's compliance as SSM reports it afterwards.
 */
public final class PatchRun {

    /** AWS-RunPatchBaseline's Operation parameter. */
    public enum Operation {
        SCAN,
        INSTALL
    }

    /** AWS-RunPatchBaseline's RebootOption parameter. */
    public enum RebootOption {
        REBOOT_IF_NEEDED,
        NO_REBOOT
    }

    private static final Duration SCAN_TIME = Duration.ofMinutes(2);
    private static final Duration INSTALL_TIME_PER_PATCH = Duration.ofMinutes(1);

    private final PatchCatalogue catalogue;
    private final double failureProbability;
    private final DoubleSupplier random;

    public PatchRun(PatchCatalogue catalogue, double failureProbability, DoubleSupplier random) {
        this.catalogue = catalogue;
        this.failureProbability = failureProbability;
        this.random = random;
    }

    public PatchComplianceReport run(
            NodePatches node, BaselineRules baseline, Operation operation, RebootOption rebootOption, Instant start) {
        List<ReportedPatch> reported = new ArrayList<>();
        Instant clock = start.plus(SCAN_TIME);
        boolean installedAny = false;
        for (CataloguePatch patch : catalogue.released(node.operatingSystem(), start)) {
            boolean approved = PatchApproval.isApproved(patch, baseline, start);
            Instant installedAt = node.installedAt(patch.id());
            if (!node.applies(patch)) {
                if (approved) {
                    reported.add(new ReportedPatch(patch, PatchState.NOT_APPLICABLE, null));
                }
            } else if (installedAt != null) {
                reported.add(new ReportedPatch(patch, installedState(node, patch, baseline, approved), installedAt));
            } else if (approved && operation == Operation.INSTALL) {
                clock = clock.plus(INSTALL_TIME_PER_PATCH);
                if (random.getAsDouble() < failureProbability) {
                    reported.add(new ReportedPatch(patch, PatchState.FAILED, null));
                } else {
                    boolean awaitingReboot = patch.rebootRequired() && rebootOption == RebootOption.NO_REBOOT;
                    node.install(patch, clock, awaitingReboot);
                    installedAny = true;
                    reported.add(new ReportedPatch(
                            patch, awaitingReboot ? PatchState.INSTALLED_PENDING_REBOOT : PatchState.INSTALLED, clock));
                }
            } else if (approved) {
                reported.add(new ReportedPatch(patch, PatchState.MISSING, null));
            }
        }
        if (operation == Operation.INSTALL && rebootOption == RebootOption.REBOOT_IF_NEEDED && installedAny) {
            node.reboot();
        }
        return new PatchComplianceReport(
                node.instanceId(), baseline.baselineId(), operation, rebootOption, start, clock, List.copyOf(reported));
    }

    private static PatchState installedState(
            NodePatches node, CataloguePatch patch, BaselineRules baseline, boolean approved) {
        if (PatchApproval.isRejected(patch, baseline)) {
            return PatchState.INSTALLED_REJECTED;
        }
        if (node.isPendingReboot(patch.id())) {
            return PatchState.INSTALLED_PENDING_REBOOT;
        }
        return approved ? PatchState.INSTALLED : PatchState.INSTALLED_OTHER;
    }

    /** SSM's patch states; the names are the API's (PatchComplianceDataState). */
    public enum PatchState {
        INSTALLED,
        INSTALLED_OTHER,
        INSTALLED_PENDING_REBOOT,
        INSTALLED_REJECTED,
        MISSING,
        NOT_APPLICABLE,
        FAILED;

        public boolean nonCompliant() {
            return this == MISSING || this == FAILED;
        }
    }

    /** One patch as DescribeInstancePatches reports it for the node. */
    public record ReportedPatch(
            CataloguePatch patch,
            PatchState state,
            @Nullable Instant installedAt) {}
}
