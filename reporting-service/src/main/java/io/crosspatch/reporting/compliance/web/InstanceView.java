package io.crosspatch.reporting.compliance.web;

import io.crosspatch.reporting.compliance.application.InstanceListing;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the instance list.
 *
 * @param instanceId           the provider's instance id
 * @param provider             provider, lower case
 * @param cloudAccountId       cloud account
 * @param cloudAccountName     its display name, may be null
 * @param hostname             computer name, null before the first patch result
 * @param managedInstanceId    SSM managed node id, null before registration
 * @param platform             platform name and version
 * @param operatingSystem      the OS whose baseline applies
 * @param patchGroup           patch group
 * @param activationStage      {@code ACTIVATION_ISSUED}, {@code REGISTERED} or {@code RETIRED} when known
 * @param patchStateKnown      false until the first patch result
 * @param pingStatus           SSM Agent ping status
 * @param agentVersion         SSM Agent version
 * @param agentUpdatePending   whether a newer agent is available (null when unknown)
 * @param installed            installed updates
 * @param missing              pending OS updates
 * @param failed               failed updates
 * @param criticalNonCompliant non-compliant critical updates
 * @param securityNonCompliant non-compliant security updates
 * @param lastOperation        {@code SCAN} or {@code INSTALL}
 * @param lastOperationOutcome {@code SUCCEEDED} or {@code FAILED}
 * @param lastOperationEndedAt when the last operation ended
 * @param stateObservedAt      when SSM reported this state
 * @param status               {@code ACTIVE}, or {@code RETIRED} for an instance retired (counted nowhere, listed
 *                             until {@code crosspatch.reporting.retired-instances-kept-for} has passed)
 * @param retiredAt            when it was retired, null unless RETIRED
 * @param retirementReason     why ({@code CONNECTION_LOST}, {@code REQUESTED}, {@code ACTIVATION_EXPIRED},
 *                             {@code ACCOUNT_OFFBOARDED}), null unless RETIRED
 */
record InstanceView(
        String instanceId,
        String provider,
        String cloudAccountId,
        String cloudAccountName,
        String hostname,
        String managedInstanceId,
        String platform,
        String operatingSystem,
        String patchGroup,
        String activationStage,
        boolean patchStateKnown,
        String pingStatus,
        String agentVersion,
        @Nullable Boolean agentUpdatePending,
        int installed,
        int missing,
        int failed,
        int criticalNonCompliant,
        int securityNonCompliant,
        String lastOperation,
        String lastOperationOutcome,
        Instant lastOperationEndedAt,
        Instant stateObservedAt,
        String status,
        @Nullable Instant retiredAt,
        @Nullable String retirementReason) {

    static InstanceView of(InstanceListing listing) {
        InstanceListing.Node node = listing.node();
        InstanceListing.Setup setup = listing.setup();
        InstanceListing.Agent agent = listing.agent();
        InstanceListing.Counts counts = listing.counts();
        InstanceListing.LastRun lastRun = listing.lastRun();
        return new InstanceView(
                node.instanceId(),
                node.account().provider().wireName(),
                node.account().cloudAccountId(),
                node.cloudAccountName(),
                node.hostname(),
                node.managedInstanceId(),
                listing.platform(),
                setup.operatingSystem(),
                setup.patchGroup(),
                setup.activationStage(),
                listing.stateObservedAt() != null,
                agent.pingStatus(),
                agent.version(),
                agent.latest() == null ? null : !agent.latest(),
                counts.installed(),
                counts.missing(),
                counts.failed(),
                counts.criticalNonCompliant(),
                counts.securityNonCompliant(),
                lastRun.operation(),
                lastRun.outcome(),
                lastRun.endedAt(),
                listing.stateObservedAt(),
                listing.retired() == null ? "ACTIVE" : "RETIRED",
                listing.retired() == null ? null : listing.retired().at(),
                listing.retired() == null ? null : listing.retired().reason());
    }
}
