package io.crosspatch.patching.compliance.messaging;

import io.crosspatch.events.AgentState;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchOperation;
import io.crosspatch.events.PatchOperationType;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.PatchState;
import io.crosspatch.events.PingStatus;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.patching.compliance.domain.ReportedPatch;
import io.crosspatch.schemas.topics.PatchCountsMapping;
import io.crosspatch.schemas.topics.Providers;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The edge between a {@link PatchReport} and the {@code patch.results} record: the domain's enums and the Avro ones
 * hold the same symbols and are mapped by name; absent values are the record's nulls. The patches also map back,
 * because the published record is what is stored per node, and its patches are reused while nothing changed.
 */
final class PatchResults {

    private PatchResults() {}

    static PatchResult toAvro(PatchReport report) {
        PatchReport.Node node = report.node();
        PatchReport.Agent agent = report.agent();
        return PatchResult.newBuilder()
                .setEventId(report.eventId())
                .setOccurredAt(report.occurredAt())
                .setTenantId(node.tenantId())
                .setProvider(Providers.toAvro(node.cloudAccount().provider()))
                .setCloudAccountId(node.cloudAccount().cloudAccountId())
                .setCloudAccountName(node.cloudAccountName())
                .setInstanceId(node.instanceId())
                .setManagedInstanceId(node.managedInstanceId())
                .setSystemAccountId(node.systemAccountId())
                .setHostname(node.hostname())
                .setPlatformName(node.platformName())
                .setPlatformVersion(node.platformVersion())
                .setOperatingSystem(OperatingSystem.valueOf(node.operatingSystem()))
                .setPatchGroup(node.patchGroup())
                .setBaselineId(report.baselineId().orElse(null))
                .setAgent(AgentState.newBuilder()
                        .setVersion(agent.version())
                        .setIsLatestVersion(agent.latestVersion())
                        .setPingStatus(PingStatus.valueOf(agent.pingStatus().name()))
                        .setLastPingAt(agent.lastPingAt())
                        .build())
                .setCounts(PatchCountsMapping.toAvro(report.counts()))
                .setLastOperation(
                        report.lastOperation().map(PatchResults::operation).orElse(null))
                .setPatches(report.patches().stream().map(PatchResults::detail).toList())
                .build();
    }

    static List<ReportedPatch> patches(PatchResult result) {
        return result.getPatches().stream().map(PatchResults::patch).toList();
    }

    /** The record's key: the cloud account key of the instance's cloud account. */
    static CloudAccountKey key(PatchReport report) {
        return report.node().cloudAccount();
    }

    private static PatchOperation operation(PatchReport.Operation operation) {
        return PatchOperation.newBuilder()
                .setOperation(PatchOperationType.valueOf(operation.type().name()))
                .setStartedAt(operation.startedAt())
                .setEndedAt(operation.endedAt())
                .setOutcome(OperationOutcome.valueOf(operation.outcome().name()))
                .build();
    }

    private static PatchDetail detail(ReportedPatch patch) {
        return PatchDetail.newBuilder()
                .setId(patch.id())
                .setTitle(patch.title())
                .setClassification(patch.classification())
                .setSeverity(patch.severity())
                .setState(PatchState.valueOf(patch.state().name()))
                .setInstalledAt(patch.installedAt())
                .setCveIds(patch.cveIds())
                .build();
    }

    private static ReportedPatch patch(PatchDetail detail) {
        return new ReportedPatch(
                text(detail.getId()),
                text(detail.getTitle()),
                text(detail.getClassification()),
                text(detail.getSeverity()),
                ReportedPatch.State.valueOf(detail.getState().name()),
                detail.getInstalledAt(),
                detail.getCveIds().stream().map(PatchResults::text).toList());
    }

    /** Avro's text as a string; the domain's patch texts are never null (an absent one is empty, as the assembler makes it). */
    private static String text(@Nullable CharSequence value) {
        return value == null ? "" : value.toString();
    }
}
