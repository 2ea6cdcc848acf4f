package io.crosspatch.simulator.ssm.patching;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A managed node's patch ground truth: what is installed on it, and the compliance its last
 * AWS-RunPatchBaseline run reported (null before the first run — SSM reports nothing for such a node).
 */
record NodePatchRecord(
        String accountId,
        String region,
        @Nullable String patchGroup,
        NodePatches installed,
        @Nullable PatchComplianceReport lastReport) {

    NodePatchRecord withReport(@Nullable String group, PatchComplianceReport report) {
        return new NodePatchRecord(accountId, region, group, installed, report);
    }

    /** The last report of a node that has one, as every record {@link PatchStates#reported} answers has. */
    PatchComplianceReport report() {
        return Objects.requireNonNull(lastReport, () -> "node " + installed.instanceId() + " has not reported yet");
    }
}
