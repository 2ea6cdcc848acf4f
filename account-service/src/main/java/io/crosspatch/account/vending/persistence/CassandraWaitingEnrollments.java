package io.crosspatch.account.vending.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.account.vending.application.PassedOnIdentity;
import io.crosspatch.account.vending.application.WaitingEnrollment;
import io.crosspatch.account.vending.application.WaitingEnrollments;
import io.crosspatch.kernel.CloudAccountKey;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * Waiting enrollments in Cassandra, one partition per cloud account. The verified identity is stored as the bytes
 * it arrived as ({@link PassedOnIdentity}: Avro binary of the contract's {@code VerifiedIdentity}), so
 * {@code account.ready} carries it unchanged. Recording
 * a read, then a plain insert: one enrollment id always arrives on one partition, handled by one
 * consumer in order, so a redelivered record finds its first copy without a lightweight transaction. The
 * publication lease is a conditional update on an unresolved row whose lease has run out: the listener and the
 * driver may both try to answer one enrollment while its account becomes ready.
 */
@Repository
class CassandraWaitingEnrollments implements WaitingEnrollments {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement selectOne;
    private final PreparedStatement selectAll;
    private final PreparedStatement lease;
    private final PreparedStatement resolve;

    public CassandraWaitingEnrollments(CqlSession session) {
        this.session = session;
        this.insert =
                session.prepare("INSERT INTO waiting_enrollments (provider, cloud_account_id, enrollment_id, identity, "
                        + "received_at, lease_until) VALUES (?, ?, ?, ?, ?, ?)");
        this.selectOne =
                session.prepare("SELECT enrollment_id, identity, received_at, outcome FROM waiting_enrollments "
                        + "WHERE provider = ? AND cloud_account_id = ? AND enrollment_id = ?");
        this.selectAll =
                session.prepare("SELECT enrollment_id, identity, received_at, outcome FROM waiting_enrollments "
                        + "WHERE provider = ? AND cloud_account_id = ?");
        this.lease = session.prepare(
                "UPDATE waiting_enrollments SET lease_until = ? "
                        + "WHERE provider = ? AND cloud_account_id = ? AND enrollment_id = ? IF outcome = null AND lease_until < ?");
        this.resolve = session.prepare("UPDATE waiting_enrollments SET outcome = ? "
                + "WHERE provider = ? AND cloud_account_id = ? AND enrollment_id = ?");
    }

    @Override
    public Optional<WaitingEnrollment> recordIfAbsent(WaitingEnrollment e) {
        Row row = session.execute(
                        selectOne.bind(e.key().provider().name(), e.key().cloudAccountId(), e.enrollmentId()))
                .one();
        if (row != null) {
            return Optional.of(enrollment(e.key(), row));
        }
        session.execute(insert.bind(
                e.key().provider().name(),
                e.key().cloudAccountId(),
                e.enrollmentId(),
                ByteBuffer.wrap(e.identity().encoded()),
                e.receivedAt(),
                Instant.EPOCH));
        return Optional.empty();
    }

    @Override
    public List<WaitingEnrollment> unresolved(CloudAccountKey key) {
        return session.execute(selectAll.bind(key.provider().name(), key.cloudAccountId())).all().stream()
                .map(row -> enrollment(key, row))
                .filter(enrollment -> !enrollment.resolved())
                .toList();
    }

    @Override
    public boolean claimPublication(CloudAccountKey key, String enrollmentId, Instant now, Duration leaseFor) {
        return session.execute(
                        lease.bind(now.plus(leaseFor), key.provider().name(), key.cloudAccountId(), enrollmentId, now))
                .wasApplied();
    }

    @Override
    public void resolve(CloudAccountKey key, String enrollmentId, String outcome) {
        session.execute(resolve.bind(outcome, key.provider().name(), key.cloudAccountId(), enrollmentId));
    }

    private static WaitingEnrollment enrollment(CloudAccountKey key, Row row) {
        return new WaitingEnrollment(
                key,
                row.getString("enrollment_id"),
                identity(row.getByteBuffer("identity")),
                row.getInstant("received_at"),
                row.getString("outcome"));
    }

    private static PassedOnIdentity identity(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return PassedOnIdentity.of(bytes);
    }
}
