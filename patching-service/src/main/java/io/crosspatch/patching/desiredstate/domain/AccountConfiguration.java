package io.crosspatch.patching.desiredstate.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The fact that a reconcile changed a system account's configuration: which policy version it now holds, why and
 * how much was changed, and when its agents are brought up to date. Published as {@code account.configured}.
 *
 * @param tenantId            the tenant that owns the cloud account
 * @param cloudAccount        the cloud account the system account serves (the event's key)
 * @param systemAccountId     the AWS system account
 * @param region              its SSM region
 * @param policy              the policy version now applied
 * @param planHash            the hash of the account's whole plan (policy and custom groups)
 * @param appliedAt           when the reconcile finished
 * @param reason              why something was changed
 * @param changes             what was changed
 * @param agentUpdateSchedule the schedule of the account's agent-update association
 */
public record AccountConfiguration(
        String tenantId,
        CloudAccountKey cloudAccount,
        String systemAccountId,
        String region,
        PolicyVersion policy,
        String planHash,
        Instant appliedAt,
        ConfigurationReason reason,
        AppliedChanges changes,
        String agentUpdateSchedule) {

    public AccountConfiguration {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(cloudAccount, "cloudAccount");
        Objects.requireNonNull(policy, "policy");
    }
}
