package io.crosspatch.patching.compliance.application;

import io.crosspatch.patching.compliance.domain.NodePatch;
import io.crosspatch.patching.compliance.domain.NodePatchState;
import io.crosspatch.patching.compliance.domain.WindowOutcome;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.List;
import java.util.Map;

/**
 * The compliance reads of one system account (a port; SSM behind it): patch state summaries, a node's patch
 * details, and the latest execution of each Crosspatch install window.
 */
public interface ComplianceReader {

    /** Node ids per {@link #patchStates} call (SSM's maximum). */
    int STATE_BATCH = 50;

    /** The patch state summaries of {@code instanceIds} (at most {@link #STATE_BATCH}); none for a node never scanned. */
    List<NodePatchState> patchStates(SystemAccountRef account, List<String> instanceIds);

    /** Every patch SSM reports for the node. */
    List<NodePatch> patches(SystemAccountRef account, String instanceId);

    /** Patch group → the latest execution of its install window, for groups whose window ran at all. */
    Map<String, WindowOutcome> latestInstallRuns(SystemAccountRef account);
}
