package io.crosspatch.account.vending.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.account.vending.application.SystemAccountRepository;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * System accounts in Cassandra. The claim and every transition are lightweight transactions; reads are plain, because
 * a stale read only ever leads to a transition whose condition fails, and the step is taken again. The tenant view and the work list are plain upserts written with the
 * row's own change time, so a late, older write can never overwrite a newer one.
 */
@Repository
class CassandraSystemAccountRepository implements SystemAccountRepository {

    private static final String COLUMNS =
            "provider, cloud_account_id, tenant_id, region, bucket, state, version, email, "
                    + "account_name, create_request_id, account_id, role_arn, ssm_service_role_name, failure_reason, "
                    + "failure_message, attempts, create_requests, next_attempt_at, state_since, creator_enrollment_id, updated_at";

    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement upsertTenant;
    private final PreparedStatement selectTenant;
    private final PreparedStatement upsertWork;
    private final PreparedStatement deleteWork;
    private final PreparedStatement selectWork;
    private final PreparedStatement delete;
    private final PreparedStatement deleteTenant;

    public CassandraSystemAccountRepository(CqlSession session) {
        this.session = session;
        this.select = session.prepare(
                "SELECT " + COLUMNS + " FROM system_accounts WHERE provider = ? AND cloud_account_id = ?");
        this.insert = session.prepare("INSERT INTO system_accounts (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS");
        this.update = session.prepare("UPDATE system_accounts SET state = ?, version = ?, create_request_id = ?, "
                + "account_id = ?, role_arn = ?, ssm_service_role_name = ?, failure_reason = ?, failure_message = ?, "
                + "attempts = ?, create_requests = ?, next_attempt_at = ?, state_since = ?, updated_at = ? "
                + "WHERE provider = ? AND cloud_account_id = ? IF version = ?");
        this.upsertTenant =
                session.prepare("INSERT INTO system_accounts_by_tenant (tenant_id, provider, cloud_account_id, "
                        + "state, region, account_id, role_arn, ssm_service_role_name, failure_reason, failure_message, "
                        + "create_requests, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
        this.selectTenant =
                session.prepare("SELECT provider, cloud_account_id FROM system_accounts_by_tenant WHERE tenant_id = ?");
        this.upsertWork = session.prepare("INSERT INTO vending_work (bucket, provider, cloud_account_id, state, "
                + "next_attempt_at) VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
        this.deleteWork =
                session.prepare("DELETE FROM vending_work WHERE bucket = ? AND provider = ? AND cloud_account_id = ?");
        this.delete = session.prepare(
                "DELETE FROM system_accounts WHERE provider = ? AND cloud_account_id = ? IF version = ?");
        this.deleteTenant = session.prepare(
                "DELETE FROM system_accounts_by_tenant WHERE tenant_id = ? AND provider = ? AND cloud_account_id = ?");
        this.selectWork = session.prepare(
                "SELECT provider, cloud_account_id, state, next_attempt_at FROM vending_work WHERE bucket = ?");
    }

    @Override
    public Optional<SystemAccount> find(CloudAccountKey key) {
        Row row = session.execute(select.bind(provider(key), key.cloudAccountId()))
                .one();
        return Optional.ofNullable(row).map(CassandraSystemAccountRepository::account);
    }

    @Override
    public boolean claim(SystemAccount a) {
        boolean applied = session.execute(insert.bind(
                        provider(a.key()),
                        a.key().cloudAccountId(),
                        a.tenantId(),
                        a.region(),
                        a.bucket(),
                        a.state().name(),
                        a.version(),
                        a.email(),
                        a.accountName(),
                        a.createRequestId(),
                        a.accountId(),
                        a.roleArn(),
                        a.ssmServiceRoleName(),
                        a.failureReason(),
                        a.failureMessage(),
                        a.attempts(),
                        a.createRequests(),
                        a.nextAttemptAt(),
                        a.stateSince(),
                        a.creatorEnrollmentId(),
                        a.updatedAt()))
                .wasApplied();
        if (applied) {
            copyToTenant(a);
        }
        return applied;
    }

    @Override
    public boolean transition(SystemAccount a) {
        boolean applied = session.execute(update.bind(
                        a.state().name(),
                        a.version(),
                        a.createRequestId(),
                        a.accountId(),
                        a.roleArn(),
                        a.ssmServiceRoleName(),
                        a.failureReason(),
                        a.failureMessage(),
                        a.attempts(),
                        a.createRequests(),
                        a.nextAttemptAt(),
                        a.stateSince(),
                        a.updatedAt(),
                        provider(a.key()),
                        a.key().cloudAccountId(),
                        a.version() - 1))
                .wasApplied();
        if (applied) {
            copyToTenant(a);
        }
        return applied;
    }

    @Override
    public boolean remove(SystemAccount a) {
        boolean applied = session.execute(delete.bind(provider(a.key()), a.key().cloudAccountId(), a.version()))
                .wasApplied();
        if (applied) {
            session.execute(
                    deleteTenant.bind(a.tenantId(), provider(a.key()), a.key().cloudAccountId()));
            removeWork(a.bucket(), a.key());
        }
        return applied;
    }

    @Override
    public List<SystemAccount> byTenant(String tenantId) {
        return session.execute(selectTenant.bind(tenantId)).all().stream()
                .map(row -> new CloudAccountKey(CloudProvider.valueOf(row.getString(0)), row.getString(1)))
                .map(this::find)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public List<WorkItem> workList(int bucket) {
        return session.execute(selectWork.bind(bucket)).all().stream()
                .map(row -> new WorkItem(
                        new CloudAccountKey(CloudProvider.valueOf(row.getString(0)), row.getString(1)),
                        SystemAccountState.valueOf(row.getString(2)),
                        row.getInstant(3)))
                .toList();
    }

    @Override
    public void markWork(SystemAccount a) {
        session.execute(upsertWork.bind(
                a.bucket(),
                provider(a.key()),
                a.key().cloudAccountId(),
                a.state().name(),
                a.nextAttemptAt(),
                micros(a.updatedAt())));
    }

    @Override
    public void removeWork(int bucket, CloudAccountKey key) {
        session.execute(deleteWork.bind(bucket, provider(key), key.cloudAccountId()));
    }

    private void copyToTenant(SystemAccount a) {
        BoundStatement statement = upsertTenant.bind(
                a.tenantId(),
                provider(a.key()),
                a.key().cloudAccountId(),
                a.state().name(),
                a.region(),
                a.accountId(),
                a.roleArn(),
                a.ssmServiceRoleName(),
                a.failureReason(),
                a.failureMessage(),
                a.createRequests(),
                a.updatedAt(),
                micros(a.updatedAt()) + a.version());
        session.execute(statement);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    }

    private static String provider(CloudAccountKey key) {
        return key.provider().name();
    }

    private static SystemAccount account(Row row) {
        CloudAccountKey key = new CloudAccountKey(
                CloudProvider.valueOf(row.getString("provider")), row.getString("cloud_account_id"));
        return new SystemAccount(
                new SystemAccount.CloudAccount(
                        key, row.getString("tenant_id"), row.getString("region"), row.getInt("bucket")),
                new SystemAccount.AccountRequest(
                        row.getString("email"), row.getString("account_name"), row.getString("creator_enrollment_id")),
                new SystemAccount.Progress(
                        SystemAccountState.valueOf(row.getString("state")),
                        row.getInt("version"),
                        row.getInstant("state_since"),
                        row.getInstant("updated_at")),
                new SystemAccount.Pacing(
                        row.getInt("attempts"), row.getInt("create_requests"), row.getInstant("next_attempt_at")),
                new SystemAccount.AwsAccount(
                        row.getString("create_request_id"),
                        row.getString("account_id"),
                        row.getString("role_arn"),
                        row.getString("ssm_service_role_name")),
                new SystemAccount.Failure(row.getString("failure_reason"), row.getString("failure_message")));
    }
}
