package io.crosspatch.reporting.compliance.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.application.FiguresStore;
import io.crosspatch.reporting.compliance.domain.AccountFigures;
import io.crosspatch.reporting.compliance.domain.AccountRef;
import io.crosspatch.reporting.compliance.domain.BucketRef;
import io.crosspatch.reporting.compliance.domain.InstanceFigures;
import io.crosspatch.reporting.compliance.domain.InstanceRetirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Repository;

/**
 * The figures of the summary, kept in two levels of aggregate rows: one per {@link BucketRef} (recomputed from
 * the bucket's instance rows) and one per cloud account (recomputed from its 16 bucket rows). Each aggregate is
 * recomputed from what it sums and overwritten whole, at a strictly increasing write time, so recomputing twice
 * gives the same row and no redelivered event can skew it (as a counter would). The summary reads one row per
 * cloud account of the tenant, whatever the number of instances. Providers are stored by their upper-case names.
 */
@Repository
class AccountFiguresRepository implements FiguresStore {

    private static final String FIGURE_COLUMNS = """
            cloud_account_name, instances, online, unknown_patch_state, pending_os_updates,
            instances_with_pending_os_updates, pending_agent_updates, failed_updates, instances_with_failed_updates,
            critical_non_compliant, last_run_succeeded, last_run_failed""";
    private static final String FIGURE_ASSIGNMENTS = """
            cloud_account_name = :cloud_account_name, instances = :instances, online = :online,
            unknown_patch_state = :unknown_patch_state, pending_os_updates = :pending_os_updates,
            instances_with_pending_os_updates = :instances_with_pending_os_updates,
            pending_agent_updates = :pending_agent_updates, failed_updates = :failed_updates,
            instances_with_failed_updates = :instances_with_failed_updates,
            critical_non_compliant = :critical_non_compliant, last_run_succeeded = :last_run_succeeded,
            last_run_failed = :last_run_failed""";

    private final CqlSession session;
    private final PreparedStatement selectBucketInstances;
    private final PreparedStatement upsertBucket;
    private final PreparedStatement selectAccountBuckets;
    private final PreparedStatement upsertAccount;
    private final PreparedStatement selectTenantAccounts;

    public AccountFiguresRepository(CqlSession session) {
        this.session = session;
        this.selectBucketInstances = session.prepare("""
                SELECT cloud_account_name, state_observed_at, ping_status, missing, agent_latest, failed,
                       critical_non_compliant, last_operation_outcome, activation_stage
                FROM instances
                WHERE tenant_id = ? AND provider = ? AND cloud_account_id = ? AND bucket = ?""");
        this.upsertBucket = session.prepare("UPDATE bucket_figures USING TIMESTAMP :ts SET " + FIGURE_ASSIGNMENTS
                + " WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id"
                + " AND bucket = :bucket");
        this.selectAccountBuckets = session.prepare("SELECT " + FIGURE_COLUMNS
                + " FROM bucket_figures WHERE tenant_id = ? AND provider = ? AND cloud_account_id = ?");
        this.upsertAccount = session.prepare("UPDATE account_figures USING TIMESTAMP :ts SET " + FIGURE_ASSIGNMENTS
                + " WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id");
        this.selectTenantAccounts = session.prepare(
                "SELECT provider, cloud_account_id, " + FIGURE_COLUMNS + " FROM account_figures WHERE tenant_id = ?");
    }

    /** Re-reads a bucket's instances and overwrites its aggregate row. */
    @Override
    public CompletableFuture<Void> recompute(BucketRef bucket) {
        List<InstanceFigures> figures = new ArrayList<>();
        AccountRef account = bucket.account();
        return session.executeAsync(selectBucketInstances.bind(
                        account.tenantId(), account.provider().name(), account.cloudAccountId(), bucket.bucket()))
                .thenCompose(page -> collect(page, figures))
                .thenCompose(done -> session.executeAsync(
                        figureRow(upsertBucket.boundStatementBuilder(), bucket.account(), AccountFigures.sum(figures))
                                .setInt("bucket", bucket.bucket())
                                .build()))
                .toCompletableFuture()
                .thenApply(result -> null);
    }

    /** Re-reads an account's bucket rows (after they were recomputed) and overwrites its summary row. */
    @Override
    public CompletableFuture<Void> recompute(AccountRef account) {
        return session.executeAsync(selectAccountBuckets.bind(
                        account.tenantId(), account.provider().name(), account.cloudAccountId()))
                .thenCompose(page -> {
                    AccountFigures sum = AccountFigures.EMPTY;
                    for (Row row : page.currentPage()) {
                        sum = sum.plus(figures(row));
                    }
                    return session.executeAsync(figureRow(upsertAccount.boundStatementBuilder(), account, sum)
                            .build());
                })
                .toCompletableFuture()
                .thenApply(result -> null);
    }

    /** The figures per cloud account of a tenant, in provider and account order. */
    @Override
    public Map<CloudAccountKey, AccountFigures> figuresOf(String tenantId) {
        Map<CloudAccountKey, AccountFigures> accounts = new LinkedHashMap<>();
        for (Row row : session.execute(selectTenantAccounts.bind(tenantId))) {
            accounts.put(
                    new CloudAccountKey(
                            CloudProvider.valueOf(row.getString("provider")), row.getString("cloud_account_id")),
                    figures(row));
        }
        return accounts;
    }

    private static AccountFigures figures(Row row) {
        return new AccountFigures(
                row.getString("cloud_account_name"),
                row.getInt("instances"),
                row.getInt("online"),
                row.getInt("unknown_patch_state"),
                row.getInt("pending_os_updates"),
                row.getInt("instances_with_pending_os_updates"),
                row.getInt("pending_agent_updates"),
                row.getInt("failed_updates"),
                row.getInt("instances_with_failed_updates"),
                row.getInt("critical_non_compliant"),
                row.getInt("last_run_succeeded"),
                row.getInt("last_run_failed"));
    }

    private static CompletionStage<Void> collect(AsyncResultSet page, List<InstanceFigures> into) {
        for (Row row : page.currentPage()) {
            if (InstanceRetirement.RETIRED.equals(row.getString("activation_stage"))) {
                continue; // a retired instance is listed, but counted nowhere
            }
            into.add(new InstanceFigures(
                    row.getString("cloud_account_name"),
                    row.getInstant("state_observed_at") != null,
                    "ONLINE".equals(row.getString("ping_status")),
                    row.getInt("missing"),
                    !row.isNull("agent_latest") && !row.getBoolean("agent_latest"),
                    row.getInt("failed"),
                    row.getInt("critical_non_compliant"),
                    row.getString("last_operation_outcome")));
        }
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> collect(next, into))
                : CompletableFuture.completedFuture(null);
    }

    private static BoundStatementBuilder figureRow(
            BoundStatementBuilder builder, AccountRef account, AccountFigures sum) {
        return builder.setLong("ts", WriteTime.forRecomputation())
                .setString("tenant_id", account.tenantId())
                .setString("provider", account.provider().name())
                .setString("cloud_account_id", account.cloudAccountId())
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
                .setInt("last_run_failed", sum.lastRunFailed());
    }
}
