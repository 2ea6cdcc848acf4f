package io.crosspatch.account.vending.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.account.vending.application.SystemAccountHistory;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import org.springframework.stereotype.Repository;

/** Former system accounts in Cassandra: one partition per cloud account, one row per e-mail address. */
@Repository
class CassandraSystemAccountHistory implements SystemAccountHistory {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement count;

    public CassandraSystemAccountHistory(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO system_account_history (provider, cloud_account_id, email, "
                + "account_name, tenant_id, account_id, final_state, failure_reason, ended_as, ended_by, ended_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.count = session.prepare(
                "SELECT COUNT(*) FROM system_account_history WHERE provider = ? AND cloud_account_id = ?");
    }

    @Override
    public void archive(SystemAccount account, String endedAs, String endedBy, Instant at) {
        session.execute(insert.bind(
                account.key().provider().name(),
                account.key().cloudAccountId(),
                account.email(),
                account.accountName(),
                account.tenantId(),
                account.accountId(),
                account.state().name(),
                account.failureReason(),
                endedAs,
                endedBy,
                at));
    }

    @Override
    public int generations(CloudAccountKey key) {
        return (int) session.execute(count.bind(key.provider().name(), key.cloudAccountId()))
                .one()
                .getLong(0);
    }
}
