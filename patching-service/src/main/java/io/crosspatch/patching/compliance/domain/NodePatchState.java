package io.crosspatch.patching.compliance.domain;

import io.crosspatch.kernel.PatchCounts;
import java.time.Instant;

/** A node's patch state summary as DescribeInstancePatchStates reports it after its last Scan or Install. */
public record NodePatchState(
        String instanceId,
        String patchGroup,
        String baselineId,
        PatchCounts counts,
        String operation,
        Instant operationStart,
        Instant operationEnd) {

    /**
     * What identifies the operation this summary is from: when the last operation changes, the node's patch details
     * are read again; otherwise the details published last time still hold.
     */
    public String operationMarker() {
        return String.join(
                "|",
                operation,
                String.valueOf(operationStart),
                String.valueOf(operationEnd),
                baselineId,
                String.valueOf(counts.installed()),
                String.valueOf(counts.installedOther()),
                String.valueOf(counts.installedPendingReboot()),
                String.valueOf(counts.installedRejected()),
                String.valueOf(counts.missing()),
                String.valueOf(counts.failed()),
                String.valueOf(counts.notApplicable()));
    }
}
