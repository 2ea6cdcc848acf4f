package io.crosspatch.reporting.policy.domain;

import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Objects;

/**
 * Which patch policy version a tenant's cloud account runs, and since when: the latest {@code account.configured}
 * about it (a reconcile that applied a new version, or repaired drift under the one it had).
 *
 * @param tenantId            the tenant
 * @param provider            the cloud account's cloud
 * @param cloudAccountId      the cloud account
 * @param systemAccountId     the AWS system account that holds its SSM configuration
 * @param policyVersion       the version applied, e.g. {@code standard-3f9a0c1d2e4b}
 * @param appliedAt           when it was last applied or repaired
 * @param reason              why: FIRST_APPLIED, POLICY_CHANGED or DRIFT_REPAIRED
 * @param agentUpdateSchedule when the account's SSM Agents are brought up to date
 */
public record AccountPolicy(
        String tenantId,
        CloudProvider provider,
        String cloudAccountId,
        String systemAccountId,
        String policyVersion,
        Instant appliedAt,
        String reason,
        String agentUpdateSchedule) {

    public AccountPolicy {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(cloudAccountId, "cloudAccountId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(appliedAt, "appliedAt");
    }
}
