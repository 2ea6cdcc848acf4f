package io.crosspatch.kernel;

/**
 * A node's patch counts as SSM's {@code DescribeInstancePatchStates} reports them after its last Scan or Install, and
 * as {@code patch.results} carries them: the one shape of this summary for patching-service, which reads it from SSM,
 * and reporting-service, which keeps it in its read model.
 *
 * @param installed              approved patches installed
 * @param installedOther         installed patches outside the baseline
 * @param installedPendingReboot installed, waiting for a reboot
 * @param installedRejected      installed although rejected
 * @param missing                pending OS updates
 * @param failed                 approved patches whose installation failed
 * @param notApplicable          approved patches that do not apply
 * @param criticalNonCompliant   non-compliant patches of critical severity
 * @param securityNonCompliant   non-compliant security patches
 * @param otherNonCompliant      other non-compliant patches
 */
public record PatchCounts(
        int installed,
        int installedOther,
        int installedPendingReboot,
        int installedRejected,
        int missing,
        int failed,
        int notApplicable,
        int criticalNonCompliant,
        int securityNonCompliant,
        int otherNonCompliant) {

    /** Before a node's first Scan or Install nothing is counted. */
    public static final PatchCounts NONE = new PatchCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
