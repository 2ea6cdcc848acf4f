package io.crosspatch.reporting.policy.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.policy.application.AccountPolicies;
import io.crosspatch.reporting.policy.domain.AccountPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Repository;

/**
 * The {@code account_policies} table: one partition per tenant, one row per cloud account, written at the event's
 * applied time in microseconds ({@code USING TIMESTAMP}), so the newest application wins whatever order the events
 * arrive in and a replay changes nothing.
 */
@Repository
class AccountPolicyRepository implements AccountPolicies {

    private final CqlSession session;
    private final PreparedStatement upsert;
    private final PreparedStatement ofTenant;

    AccountPolicyRepository(CqlSession session) {
        this.session = session;
        this.upsert = session.prepare("UPDATE account_policies USING TIMESTAMP ? SET system_account_id = ?, "
                + "policy_version = ?, applied_at = ?, reason = ?, agent_update_schedule = ? "
                + "WHERE tenant_id = ? AND provider = ? AND cloud_account_id = ?");
        this.ofTenant = session.prepare("SELECT * FROM account_policies WHERE tenant_id = ?");
    }

    @Override
    public void store(List<AccountPolicy> policies) {
        for (AccountPolicy policy : policies) {
            session.execute(upsert.bind(
                    Math.multiplyExact(policy.appliedAt().toEpochMilli(), 1000L),
                    policy.systemAccountId(),
                    policy.policyVersion(),
                    policy.appliedAt(),
                    policy.reason(),
                    policy.agentUpdateSchedule(),
                    policy.tenantId(),
                    policy.provider().name(),
                    policy.cloudAccountId()));
        }
    }

    @Override
    public List<AccountPolicy> ofTenant(String tenantId) {
        List<AccountPolicy> policies = new ArrayList<>();
        for (Row row : session.execute(ofTenant.bind(tenantId))) {
            policies.add(new AccountPolicy(
                    tenantId,
                    CloudProvider.parse(Objects.requireNonNull(row.getString("provider"))),
                    Objects.requireNonNull(row.getString("cloud_account_id")),
                    Objects.requireNonNullElse(row.getString("system_account_id"), ""),
                    Objects.requireNonNull(row.getString("policy_version")),
                    Objects.requireNonNull(row.getInstant("applied_at")),
                    Objects.requireNonNullElse(row.getString("reason"), ""),
                    Objects.requireNonNullElse(row.getString("agent_update_schedule"), "")));
        }
        return policies;
    }
}
