package io.crosspatch.patching.compliance.domain;

import io.crosspatch.events.AgentState;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchCounts;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchOperation;
import io.crosspatch.events.PatchOperationType;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.PatchState;
import io.crosspatch.events.PingStatus;
import io.crosspatch.events.Provider;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@code patch.results} record of one instance from what SSM reported (instance information, patch
 * state summary, patch details, the latest execution of its group's install window) and the enrollment's identity.
 * The last operation failed when any patch failed or when the install window execution it ran in failed.
 */
public final class PatchResultAssembler {

    private PatchResultAssembler() {
    }

    public static PatchResult assemble(String systemAccountId, EnrolledNode node, ManagedNode info,
            Optional<NodePatchState> state, List<PatchDetail> patches, Optional<WindowOutcome> window, Instant now) {
        PatchResult.Builder result = PatchResult.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setTenantId(node.tenantId()).setProvider(Provider.valueOf(node.provider().toUpperCase(Locale.ROOT)))
                .setCloudAccountId(node.cloudAccountId()).setCloudAccountName(node.cloudAccountName())
                .setInstanceId(node.instanceId()).setManagedInstanceId(node.managedInstanceId())
                .setSystemAccountId(systemAccountId).setHostname(node.hostname())
                .setPlatformName(info.platformName()).setPlatformVersion(info.platformVersion())
                .setOperatingSystem(OperatingSystem.valueOf(node.operatingSystem())).setPatchGroup(node.patchGroup())
                .setBaselineId(state.map(NodePatchState::baselineId).orElse(null))
                .setAgent(AgentState.newBuilder().setVersion(info.agentVersion()).setIsLatestVersion(info.latestAgent())
                        .setPingStatus(ping(info.pingStatus())).setLastPingAt(info.lastPingAt()).build())
                .setPatches(patches);
        PatchCounts.Builder counts = PatchCounts.newBuilder();
        state.ifPresent(s -> counts.setInstalled(s.installed()).setInstalledOther(s.installedOther())
                .setInstalledPendingReboot(s.installedPendingReboot()).setInstalledRejected(s.installedRejected())
                .setMissing(s.missing()).setFailed(s.failed()).setNotApplicable(s.notApplicable())
                .setCriticalNonCompliant(s.criticalNonCompliant()).setSecurityNonCompliant(s.securityNonCompliant())
                .setOtherNonCompliant(s.otherNonCompliant()));
        result.setCounts(counts.build());
        result.setLastOperation(state.filter(s -> s.operationStart() != null).map(s -> {
            PatchOperationType type = "Install".equalsIgnoreCase(s.operation()) ? PatchOperationType.INSTALL : PatchOperationType.SCAN;
            boolean windowFailed = type == PatchOperationType.INSTALL
                    && window.filter(w -> w.covers(s.operationStart()) && w.failed()).isPresent();
            return PatchOperation.newBuilder().setOperation(type).setStartedAt(s.operationStart())
                    .setEndedAt(s.operationEnd() == null ? s.operationStart() : s.operationEnd())
                    .setOutcome(s.failed() > 0 || windowFailed ? OperationOutcome.FAILED : OperationOutcome.SUCCEEDED).build();
        }).orElse(null));
        return result.build();
    }

    public static PatchDetail detail(NodePatch patch) {
        return PatchDetail.newBuilder().setId(patch.id()).setTitle(patch.title())
                .setClassification(patch.classification() == null ? "" : patch.classification())
                .setSeverity(patch.severity() == null ? "" : patch.severity())
                .setState(state(patch.state())).setInstalledAt(patch.installedAt()).setCveIds(patch.cveIds()).build();
    }

    private static PatchState state(String ssmState) {
        return switch (ssmState) {
            case "INSTALLED" -> PatchState.INSTALLED;
            case "INSTALLED_OTHER" -> PatchState.INSTALLED_OTHER;
            case "INSTALLED_PENDING_REBOOT" -> PatchState.INSTALLED_PENDING_REBOOT;
            case "INSTALLED_REJECTED" -> PatchState.INSTALLED_REJECTED;
            case "FAILED" -> PatchState.FAILED;
            case "NOT_APPLICABLE" -> PatchState.NOT_APPLICABLE;
            default -> PatchState.MISSING;
        };
    }

    private static PingStatus ping(String ssmPing) {
        if (ssmPing == null) {
            return PingStatus.UNKNOWN;
        }
        return switch (ssmPing) {
            case "Online" -> PingStatus.ONLINE;
            case "ConnectionLost" -> PingStatus.CONNECTION_LOST;
            case "Inactive" -> PingStatus.INACTIVE;
            default -> PingStatus.UNKNOWN;
        };
    }
}
