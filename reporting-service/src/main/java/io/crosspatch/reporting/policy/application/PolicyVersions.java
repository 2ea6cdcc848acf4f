package io.crosspatch.reporting.policy.application;

import io.crosspatch.reporting.policy.domain.AccountPolicy;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Which of a tenant's accounts run which patch policy version: what {@code account.configured} says, stored per
 * account, and read back per tenant (newest first within a version, so a rollout's stragglers are at the end).
 */
@Service
public class PolicyVersions {

    private final AccountPolicies policies;

    public PolicyVersions(AccountPolicies policies) {
        this.policies = policies;
    }

    public void apply(List<AccountPolicy> configured) {
        if (!configured.isEmpty()) {
            policies.store(configured);
        }
    }

    public List<AccountPolicy> ofTenant(String tenantId) {
        return policies.ofTenant(tenantId).stream()
                .sorted(Comparator.comparing(AccountPolicy::policyVersion)
                        .thenComparing(AccountPolicy::appliedAt, Comparator.reverseOrder()))
                .toList();
    }
}
