package io.crosspatch.account.vending.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.account.vending.application.WaitingEnrollment;
import io.crosspatch.account.vending.application.WaitingEnrollments;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.kernel.CloudAccountKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.springframework.stereotype.Repository;

/**
 * Waiting enrollments in Cassandra, one partition per cloud account. The verified identity is kept as Avro
 * binary of the contract's own {@code VerifiedIdentity}, so {@code account.ready} carries it unchanged. Recording
 * a read, then a plain insert: one enrollment id always arrives on one partition, handled by one
 * consumer in order, so a redelivered record finds its first copy without a lightweight transaction. The
 * publication lease is a conditional update on an unresolved row whose lease has run out: the listener and the
 * driver may both try to answer one enrollment while its account becomes ready.
 */
@Repository
public class CassandraWaitingEnrollments implements WaitingEnrollments {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement selectOne;
    private final PreparedStatement selectAll;
    private final PreparedStatement lease;
    private final PreparedStatement resolve;

    public CassandraWaitingEnrollments(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO waiting_enrollments (provider, cloud_account_id, enrollment_id, identity, "
                + "received_at, lease_until) VALUES (?, ?, ?, ?, ?, ?)");
        this.selectOne = session.prepare("SELECT enrollment_id, identity, received_at, outcome FROM waiting_enrollments "
                + "WHERE provider = ? AND cloud_account_id = ? AND enrollment_id = ?");
        this.selectAll = session.prepare("SELECT enrollment_id, identity, received_at, outcome FROM waiting_enrollments "
                + "WHERE provider = ? AND cloud_account_id = ?");
        this.lease = session.prepare("UPDATE waiting_enrollments SET lease_until = ? "
                + "WHERE provider = ? AND cloud_account_id = ? AND enrollment_id = ? IF outcome = null AND lease_until < ?");
        this.resolve = session.prepare("UPDATE waiting_enrollments SET outcome = ? "
                + "WHERE provider = ? AND cloud_account_id = ? AND enrollment_id = ?");
    }

    @Override
    public Optional<WaitingEnrollment> recordIfAbsent(WaitingEnrollment e) {
        Row row = session.execute(selectOne.bind(e.key().provider().name(), e.key().cloudAccountId(), e.enrollmentId())).one();
        if (row != null) {
            return Optional.of(enrollment(e.key(), row));
        }
        session.execute(insert.bind(e.key().provider().name(), e.key().cloudAccountId(), e.enrollmentId(),
                ByteBuffer.wrap(encode(e.identity())), e.receivedAt(), Instant.EPOCH));
        return Optional.empty();
    }

    @Override
    public List<WaitingEnrollment> unresolved(CloudAccountKey key) {
        return session.execute(selectAll.bind(key.provider().name(), key.cloudAccountId())).all().stream()
                .map(row -> enrollment(key, row)).filter(enrollment -> !enrollment.resolved()).toList();
    }

    @Override
    public boolean claimPublication(CloudAccountKey key, String enrollmentId, Instant now, Duration leaseFor) {
        return session.execute(lease.bind(now.plus(leaseFor), key.provider().name(), key.cloudAccountId(), enrollmentId,
                now)).wasApplied();
    }

    @Override
    public void resolve(CloudAccountKey key, String enrollmentId, String outcome) {
        session.execute(resolve.bind(outcome, key.provider().name(), key.cloudAccountId(), enrollmentId));
    }

    private static WaitingEnrollment enrollment(CloudAccountKey key, Row row) {
        return new WaitingEnrollment(key, row.getString("enrollment_id"), decode(row.getByteBuffer("identity")),
                row.getInstant("received_at"), row.getString("outcome"));
    }

    static byte[] encode(VerifiedIdentity identity) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<>(VerifiedIdentity.class).write(identity, encoder);
            encoder.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a verified identity", e);
        }
    }

    static VerifiedIdentity decode(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        try {
            return new SpecificDatumReader<>(VerifiedIdentity.class).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a stored verified identity", e);
        }
    }
}
