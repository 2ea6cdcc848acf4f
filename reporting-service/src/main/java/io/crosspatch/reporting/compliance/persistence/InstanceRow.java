package io.crosspatch.reporting.compliance.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the instance list, as stored.
 *
 * @param provider              provider in upper case
 * @param cloudAccountId        cloud account
 * @param cloudAccountName      its display name, may be null
 * @param instanceId            the provider's instance id
 * @param hostname              computer name, null before the first patch result
 * @param managedInstanceId     SSM node id, null before registration
 * @param platform              platform name and version
 * @param operatingSystem       the OS whose baseline applies
 * @param patchGroup            patch group
 * @param activationStage       {@code ACTIVATION_ISSUED}, {@code REGISTERED} or null
 * @param pingStatus            agent ping status, null before the first patch result
 * @param agentVersion          agent version
 * @param agentLatest           whether the agent is the latest, null when unknown
 * @param missing               pending OS updates
 * @param failed                failed updates
 * @param installed             installed updates
 * @param criticalNonCompliant  non-compliant critical updates
 * @param securityNonCompliant  non-compliant security updates
 * @param lastOperation         {@code SCAN} or {@code INSTALL}, null before the first
 * @param lastOperationOutcome  {@code SUCCEEDED} or {@code FAILED}
 * @param lastOperationEndedAt  when the last operation ended
 * @param stateObservedAt       when the patch state was observed, null while unknown
 */
public record InstanceRow(String provider, String cloudAccountId, String cloudAccountName, String instanceId,
        String hostname, String managedInstanceId, String platform, String operatingSystem, String patchGroup,
        String activationStage, String pingStatus, String agentVersion, @Nullable Boolean agentLatest, int missing,
        int failed, int installed, int criticalNonCompliant, int securityNonCompliant, String lastOperation,
        String lastOperationOutcome, Instant lastOperationEndedAt, Instant stateObservedAt) {
}
