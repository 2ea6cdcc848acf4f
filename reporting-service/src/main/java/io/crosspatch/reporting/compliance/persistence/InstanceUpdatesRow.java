package io.crosspatch.reporting.compliance.persistence;

import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import java.time.Instant;
import java.util.List;

/**
 * One instance and its updates, as stored.
 *
 * @param provider          provider in upper case
 * @param cloudAccountId    cloud account
 * @param cloudAccountName  its display name, may be null
 * @param instanceId        the provider's instance id
 * @param hostname          computer name, null before the first patch result
 * @param managedInstanceId SSM node id, null before registration
 * @param operatingSystem   the OS whose baseline applies
 * @param patchGroup        patch group
 * @param activationStage   {@code ACTIVATION_ISSUED}, {@code REGISTERED} or null
 * @param stateObservedAt   when the patch state was observed, null while unknown
 * @param updates           the updates, empty while unknown
 */
public record InstanceUpdatesRow(String provider, String cloudAccountId, String cloudAccountName,
        String instanceId, String hostname, String managedInstanceId, String operatingSystem, String patchGroup,
        String activationStage, Instant stateObservedAt, List<PatchUpdate> updates) {
}
