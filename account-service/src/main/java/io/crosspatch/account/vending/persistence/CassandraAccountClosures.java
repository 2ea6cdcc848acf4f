package io.crosspatch.account.vending.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.account.vending.application.AccountClosures;
import io.crosspatch.account.vending.domain.ClosureState;
import io.crosspatch.account.vending.domain.SystemAccountClosure;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.util.List;
import org.springframework.stereotype.Repository;

/** Closures in Cassandra, one partition per bucket: the owner of a bucket reads all its closures in one query. */
@Repository
class CassandraAccountClosures implements AccountClosures {

    private static final String COLUMNS = "bucket, account_id, provider, cloud_account_id, tenant_id, state, close_at, "
            + "attempts, failure_reason, failure_message, released_at, updated_at";

    private final CqlSession session;
    private final PreparedStatement open;
    private final PreparedStatement upsert;
    private final PreparedStatement inBucket;

    public CassandraAccountClosures(CqlSession session) {
        this.session = session;
        String values = " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.open =
                session.prepare("INSERT INTO system_account_closures (" + COLUMNS + ")" + values + " IF NOT EXISTS");
        this.upsert = session.prepare("INSERT INTO system_account_closures (" + COLUMNS + ")" + values);
        this.inBucket = session.prepare("SELECT " + COLUMNS + " FROM system_account_closures WHERE bucket = ?");
    }

    @Override
    public boolean open(SystemAccountClosure closure) {
        return session.execute(open.bind(values(closure))).wasApplied();
    }

    @Override
    public void save(SystemAccountClosure closure) {
        session.execute(upsert.bind(values(closure)));
    }

    @Override
    public List<SystemAccountClosure> inBucket(int bucket) {
        return session.execute(inBucket.bind(bucket)).all().stream()
                .map(CassandraAccountClosures::closure)
                .toList();
    }

    private static Object[] values(SystemAccountClosure c) {
        return new Object[] {
            c.bucket(),
            c.accountId(),
            c.key().provider().name(),
            c.key().cloudAccountId(),
            c.tenantId(),
            c.state().name(),
            c.closeAt(),
            c.attempts(),
            c.failureReason(),
            c.failureMessage(),
            c.releasedAt(),
            c.updatedAt()
        };
    }

    private static SystemAccountClosure closure(Row row) {
        return new SystemAccountClosure(
                new CloudAccountKey(
                        CloudProvider.valueOf(row.getString("provider")), row.getString("cloud_account_id")),
                row.getString("tenant_id"),
                row.getString("account_id"),
                row.getInt("bucket"),
                ClosureState.valueOf(row.getString("state")),
                row.getInstant("close_at"),
                row.getInt("attempts"),
                row.getString("failure_reason"),
                row.getString("failure_message"),
                row.getInstant("released_at"),
                row.getInstant("updated_at"));
    }
}
