package io.crosspatch.reporting.compliance.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.reporting.compliance.domain.AccountFigures;
import io.crosspatch.reporting.compliance.domain.BucketRef;
import io.crosspatch.reporting.compliance.domain.InstanceFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Repository;

/**
 * The per-account figures of the summary, kept as one aggregate row per {@link BucketRef}. An aggregate is
 * recomputed from its bucket's instance rows and overwritten whole, so recomputing twice gives the same row and
 * no redelivered event can skew it (as a counter would). The summary reads the tenant's aggregate partition,
 * a few rows per account whatever the number of instances, and adds them up.
 */
@Repository
public class AccountFiguresRepository {

    private final CqlSession session;
    private final PreparedStatement selectBucketInstances;
    private final PreparedStatement upsertAggregate;
    private final PreparedStatement selectTenantAggregates;

    public AccountFiguresRepository(CqlSession session) {
        this.session = session;
        this.selectBucketInstances = session.prepare("""
                SELECT cloud_account_name, state_observed_at, ping_status, missing, agent_latest, failed,
                       critical_non_compliant, last_operation_outcome
                FROM instances
                WHERE tenant_id = ? AND provider = ? AND cloud_account_id = ? AND bucket = ?""");
        this.upsertAggregate = session.prepare("""
                UPDATE account_figures USING TIMESTAMP :ts SET
                  cloud_account_name = :cloud_account_name, instances = :instances, online = :online,
                  unknown_patch_state = :unknown_patch_state, pending_os_updates = :pending_os_updates,
                  instances_with_pending_os_updates = :instances_with_pending_os_updates,
                  pending_agent_updates = :pending_agent_updates, failed_updates = :failed_updates,
                  instances_with_failed_updates = :instances_with_failed_updates,
                  critical_non_compliant = :critical_non_compliant, last_run_succeeded = :last_run_succeeded,
                  last_run_failed = :last_run_failed
                WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id
                  AND bucket = :bucket""");
        this.selectTenantAggregates = session.prepare("""
                SELECT provider, cloud_account_id, cloud_account_name, instances, online, unknown_patch_state,
                       pending_os_updates, instances_with_pending_os_updates, pending_agent_updates, failed_updates,
                       instances_with_failed_updates, critical_non_compliant, last_run_succeeded, last_run_failed
                FROM account_figures WHERE tenant_id = ?""");
    }

    /** Re-reads a bucket's instances and overwrites its aggregate row. */
    public CompletableFuture<Void> recompute(BucketRef bucket) {
        List<InstanceFigures> figures = new ArrayList<>();
        return session.executeAsync(selectBucketInstances.bind(
                        bucket.tenantId(), bucket.provider(), bucket.cloudAccountId(), bucket.bucket()))
                .thenCompose(page -> collect(page, figures))
                .thenCompose(done -> session.executeAsync(aggregateRow(bucket, AccountFigures.sum(figures))))
                .toCompletableFuture()
                .thenApply(result -> null);
    }

    /** The figures per cloud account of a tenant, keyed by {@code provider} and cloud account id, in order. */
    public Map<AccountKey, AccountFigures> figuresOf(String tenantId) {
        Map<AccountKey, AccountFigures> accounts = new LinkedHashMap<>();
        for (Row row : session.execute(selectTenantAggregates.bind(tenantId))) {
            AccountFigures bucket = new AccountFigures(row.getString("cloud_account_name"), row.getInt("instances"),
                    row.getInt("online"), row.getInt("unknown_patch_state"), row.getInt("pending_os_updates"),
                    row.getInt("instances_with_pending_os_updates"), row.getInt("pending_agent_updates"),
                    row.getInt("failed_updates"), row.getInt("instances_with_failed_updates"),
                    row.getInt("critical_non_compliant"), row.getInt("last_run_succeeded"),
                    row.getInt("last_run_failed"));
            accounts.merge(new AccountKey(row.getString("provider"), row.getString("cloud_account_id")), bucket,
                    AccountFigures::plus);
        }
        return accounts;
    }

    private static CompletionStage<Void> collect(AsyncResultSet page, List<InstanceFigures> into) {
        for (Row row : page.currentPage()) {
            into.add(new InstanceFigures(row.getString("cloud_account_name"),
                    row.getInstant("state_observed_at") != null, "ONLINE".equals(row.getString("ping_status")),
                    row.getInt("missing"), !row.isNull("agent_latest") && !row.getBoolean("agent_latest"),
                    row.getInt("failed"), row.getInt("critical_non_compliant"),
                    row.getString("last_operation_outcome")));
        }
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> collect(next, into))
                : CompletableFuture.completedFuture(null);
    }

    private BoundStatement aggregateRow(BucketRef bucket, AccountFigures sum) {
        return upsertAggregate.boundStatementBuilder()
                .setLong("ts", WriteTime.forRecomputation())
                .setString("tenant_id", bucket.tenantId())
                .setString("provider", bucket.provider())
                .setString("cloud_account_id", bucket.cloudAccountId())
                .setInt("bucket", bucket.bucket())
                .setString("cloud_account_name", sum.cloudAccountName())
                .setInt("instances", sum.instances())
                .setInt("online", sum.online())
                .setInt("unknown_patch_state", sum.unknownPatchState())
                .setInt("pending_os_updates", sum.pendingOsUpdates())
                .setInt("instances_with_pending_os_updates", sum.instancesWithPendingOsUpdates())
                .setInt("pending_agent_updates", sum.pendingAgentUpdates())
                .setInt("failed_updates", sum.failedUpdates())
                .setInt("instances_with_failed_updates", sum.instancesWithFailedUpdates())
                .setInt("critical_non_compliant", sum.criticalNonCompliant())
                .setInt("last_run_succeeded", sum.lastRunSucceeded())
                .setInt("last_run_failed", sum.lastRunFailed())
                .build();
    }

    /**
     * A cloud account of a tenant.
     *
     * @param provider       the provider in upper case
     * @param cloudAccountId the cloud account
     */
    public record AccountKey(String provider, String cloudAccountId) {
    }
}
