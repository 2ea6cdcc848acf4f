package io.crosspatch.patching.compliance.domain;

import io.crosspatch.kernel.PatchCounts;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@link PatchReport} of one instance from what SSM reported (instance information, patch state summary,
 * patch details, the latest execution of its group's install window) and the enrollment's identity. The last
 * operation failed when any patch failed or when the install window execution it ran in failed.
 */
public final class PatchResultAssembler {

    private PatchResultAssembler() {}

    public static PatchReport assemble(
            String systemAccountId,
            EnrolledNode node,
            ManagedNode info,
            Optional<NodePatchState> state,
            List<ReportedPatch> patches,
            Optional<WindowOutcome> window,
            Instant now) {
        PatchReport.Node reported = new PatchReport.Node(
                node.tenantId(),
                node.cloudAccountKey(),
                node.cloudAccountName(),
                node.instanceId(),
                node.managedInstanceId(),
                systemAccountId,
                node.hostname(),
                info.platformName(),
                info.platformVersion(),
                node.operatingSystem(),
                node.patchGroup());
        PatchReport.Agent agent = new PatchReport.Agent(
                info.agentVersion(), info.latestAgent(), PatchReport.Ping.ofSsm(info.pingStatus()), info.lastPingAt());
        return new PatchReport(
                UUID.randomUUID(),
                now,
                reported,
                state.map(NodePatchState::baselineId),
                agent,
                state.map(NodePatchState::counts).orElse(PatchCounts.NONE),
                state.filter(s -> s.operationStart() != null).map(s -> operation(s, window)),
                patches);
    }

    /** A patch as DescribeInstancePatches reported it, as {@code patch.results} reports it. */
    public static ReportedPatch detail(NodePatch patch) {
        return new ReportedPatch(
                patch.id(),
                patch.title(),
                patch.classification() == null ? "" : patch.classification(),
                patch.severity() == null ? "" : patch.severity(),
                ReportedPatch.State.ofSsm(patch.state()),
                patch.installedAt(),
                patch.cveIds());
    }

    private static PatchReport.Operation operation(NodePatchState s, Optional<WindowOutcome> window) {
        PatchReport.Operation.Type type = "Install".equalsIgnoreCase(s.operation())
                ? PatchReport.Operation.Type.INSTALL
                : PatchReport.Operation.Type.SCAN;
        boolean windowFailed = type == PatchReport.Operation.Type.INSTALL
                && window.filter(w -> w.covers(s.operationStart()) && w.failed())
                        .isPresent();
        return new PatchReport.Operation(
                type,
                s.operationStart(),
                s.operationEnd() == null ? s.operationStart() : s.operationEnd(),
                s.counts().failed() > 0 || windowFailed
                        ? PatchReport.Operation.Outcome.FAILED
                        : PatchReport.Operation.Outcome.SUCCEEDED);
    }
}
