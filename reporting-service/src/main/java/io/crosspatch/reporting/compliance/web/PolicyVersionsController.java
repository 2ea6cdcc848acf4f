package io.crosspatch.reporting.compliance.web;

import io.crosspatch.reporting.policy.application.PolicyVersions;
import io.crosspatch.reporting.policy.domain.AccountPolicy;
import io.crosspatch.reporting.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/tenants/{tenantId}/policy-versions}: which of a tenant's cloud accounts run which patch policy
 * version, and since when (the policy feature's view of {@code account.configured}). Tenant-scoped like every
 * reporting endpoint: the token must grant the tenant in the path, and only that tenant's partition is read.
 */
@RestController
class PolicyVersionsController {

    private final PolicyVersions versions;

    PolicyVersionsController(PolicyVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/v1/tenants/{tenantId}/policy-versions")
    PolicyVersionsView policyVersions(@AuthenticationPrincipal Jwt jwt, @PathVariable String tenantId) {
        Caller.of(jwt).requireAccessTo(QueryInput.tenant(tenantId));
        List<AccountPolicyView> accounts =
                versions.ofTenant(tenantId).stream().map(AccountPolicyView::of).toList();
        Map<String, Integer> counts = new TreeMap<>();
        accounts.forEach(a -> counts.merge(a.policyVersion(), 1, Integer::sum));
        return new PolicyVersionsView(tenantId, counts, accounts);
    }

    /**
     * The tenant's accounts by policy version.
     *
     * @param tenantId the tenant
     * @param versions per policy version, how many of the tenant's accounts run it
     * @param accounts every account with its version
     */
    record PolicyVersionsView(String tenantId, Map<String, Integer> versions, List<AccountPolicyView> accounts) {}

    /**
     * One account's policy version.
     *
     * @param provider            the cloud, lower case
     * @param cloudAccountId      the cloud account
     * @param systemAccountId     the AWS system account holding its SSM configuration
     * @param policyVersion       the version applied
     * @param appliedAt           when it was last applied or repaired
     * @param reason              FIRST_APPLIED, POLICY_CHANGED or DRIFT_REPAIRED
     * @param agentUpdateSchedule when the account's SSM Agents are brought up to date
     */
    record AccountPolicyView(
            String provider,
            String cloudAccountId,
            String systemAccountId,
            String policyVersion,
            Instant appliedAt,
            String reason,
            String agentUpdateSchedule) {

        static AccountPolicyView of(AccountPolicy policy) {
            return new AccountPolicyView(
                    policy.provider().wireName(),
                    policy.cloudAccountId(),
                    policy.systemAccountId(),
                    policy.policyVersion(),
                    policy.appliedAt(),
                    policy.reason(),
                    policy.agentUpdateSchedule());
        }
    }
}
