package io.crosspatch.patching.compliance.domain;

import java.time.Instant;

/** A node's patch state summary as DescribeInstancePatchStates reports it after its last Scan or Install. */
public record NodePatchState(
        String instanceId,
        String patchGroup,
        String baselineId,
        int installed,
        int installedOther,
        int installedPendingReboot,
        int installedRejected,
        int missing,
        int failed,
        int notApplicable,
        int criticalNonCompliant,
        int securityNonCompliant,
        int otherNonCompliant,
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
                String.valueOf(installed),
                String.valueOf(installedOther),
                String.valueOf(installedPendingReboot),
                String.valueOf(installedRejected),
                String.valueOf(missing),
                String.valueOf(failed),
                String.valueOf(notApplicable));
    }
}
