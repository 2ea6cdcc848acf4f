package io.crosspatch.simulator.ssm.patching;

import io.crosspatch.simulator.ssm.patching.PatchRun.PatchState;
import io.crosspatch.simulator.ssm.patching.PatchRun.ReportedPatch;
import java.time.Instant;
import java.util.List;

/**
 * A node's patch compliance after its last AWS-RunPatchBaseline run: the source of
 * DescribeInstancePatchStates (the counts) and DescribeInstancePatches (the patches).
 */
public record PatchComplianceReport(
        String instanceId,
        String baselineId,
        PatchRun.Operation operation,
        PatchRun.RebootOption rebootOption,
        Instant operationStart,
        Instant operationEnd,
        List<ReportedPatch> patches) {

    public int count(PatchState state) {
        return (int) patches.stream().filter(patch -> patch.state() == state).count();
    }

    public int criticalNonCompliant() {
        return (int) patches.stream()
                .filter(p -> p.state().nonCompliant() && p.patch().isCritical())
                .count();
    }

    public int securityNonCompliant() {
        return (int) patches.stream()
                .filter(p -> p.state().nonCompliant() && p.patch().isSecurity())
                .count();
    }

    /** Non-compliant patches that are neither critical nor security, as SSM's OtherNonCompliantCount. */
    public int otherNonCompliant() {
        return (int) patches.stream()
                .filter(p -> p.state().nonCompliant()
                        && !p.patch().isCritical()
                        && !p.patch().isSecurity())
                .count();
    }

    /** FAILED when any approved patch failed to install. */
    public boolean succeeded() {
        return count(PatchState.FAILED) == 0;
    }
}
