package io.crosspatch.simulator.ssm.patching;

/**
 * A managed node's patch ground truth: what is installed on it, and the compliance its last
 * AWS-RunPatchBaseline run reported (null before the first run — SSM reports nothing for such a node).
 */
record NodePatchRecord(
        String accountId, String region, String patchGroup, NodePatches installed, PatchComplianceReport lastReport) {

    NodePatchRecord withReport(String group, PatchComplianceReport report) {
        return new NodePatchRecord(accountId, region, group, installed, report);
    }
}
