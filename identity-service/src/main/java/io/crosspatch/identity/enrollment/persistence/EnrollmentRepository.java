package io.crosspatch.identity.enrollment.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.identity.enrollment.application.Enrollments;
import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.enrollment.domain.EnrollmentProgress;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code enrollments} table. The ingress claims an enrollment id with a lightweight transaction, so of two
 * racing requests under one id exactly one records its secret hash and fingerprint; the stage events are plain
 * upserts written with the event's time ({@code USING TIMESTAMP}), idempotent under redelivery.
 *
 * <p>Anyone can make an enrollment, so one that is never verified must not stay for ever: the claim is written
 * with a TTL ({@code crosspatch.identity.ingress.pending-ttl}), and so is a rejection. A Cassandra TTL belongs to
 * each cell, not to the row, so verification writes the claim's cells again without a TTL (with a write time just
 * above theirs, so that the rewrite wins whatever the clocks say); otherwise the secret hash would expire under a
 * live, verified row and its VM could no longer read its activation.
 */
public class EnrollmentRepository implements Enrollments {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentRepository.class);

    private static final String COLUMNS = "enrollment_id, secret_hash, fingerprint, verified_at, account_ready_at, "
            + "activation_issued_at, activation_id, activation_region, activation_code_jwe, activation_key_id, "
            + "registered_at, managed_instance_id, failed_at, failure_status, failure_reason";

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement find;
    private final PreparedStatement verified;
    private final PreparedStatement accountReady;
    private final PreparedStatement activationIssued;
    private final PreparedStatement registered;
    private final PreparedStatement failed;
    private final PreparedStatement claimedCells;
    private final PreparedStatement keepClaim;
    private final int pendingTtlSeconds;

    /** Built by the service's root configuration, which owns the ingress settings ({@code pendingTtl} is one). */
    public EnrollmentRepository(CqlSession session, Duration pendingTtl) {
        this.session = session;
        this.pendingTtlSeconds = Math.toIntExact(pendingTtl.toSeconds());
        this.claim = session.prepare("INSERT INTO enrollments (enrollment_id, secret_hash, fingerprint, provider, "
                + "received_at) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS USING TTL ?");
        this.claimedCells = session.prepare("SELECT secret_hash, fingerprint, provider, received_at, "
                + "WRITETIME(secret_hash) AS claimed_micros FROM enrollments WHERE enrollment_id = ?");
        this.keepClaim = session.prepare("UPDATE enrollments USING TIMESTAMP ? AND TTL 0 SET secret_hash = ?, "
                + "fingerprint = ?, provider = ?, received_at = ? WHERE enrollment_id = ?");
        this.find = session.prepare("SELECT " + COLUMNS + " FROM enrollments WHERE enrollment_id = ?");
        this.verified = session.prepare("UPDATE enrollments USING TIMESTAMP ? SET verified_at = ?, tenant_id = ?, "
                + "cloud_account_key = ? WHERE enrollment_id = ?");
        this.accountReady = session.prepare(
                "UPDATE enrollments USING TIMESTAMP ? SET account_ready_at = ? " + "WHERE enrollment_id = ?");
        this.activationIssued = session.prepare("UPDATE enrollments USING TIMESTAMP ? SET activation_issued_at = ?, "
                + "activation_id = ?, activation_region = ?, activation_code_jwe = ?, activation_key_id = ? "
                + "WHERE enrollment_id = ?");
        this.registered = session.prepare("UPDATE enrollments USING TIMESTAMP ? SET registered_at = ?, "
                + "managed_instance_id = ? WHERE enrollment_id = ?");
        this.failed = session.prepare("UPDATE enrollments USING TIMESTAMP ? AND TTL ? SET failed_at = ?, "
                + "failure_status = ?, failure_reason = ? WHERE enrollment_id = ?");
    }

    @Override
    public Optional<EnrollmentProgress> claim(
            String enrollmentId,
            SecretHash secretHash,
            String fingerprint,
            CloudProvider provider,
            Instant receivedAt) {
        ResultSet result = session.execute(claim.bind(
                enrollmentId, secretHash.value(), fingerprint, provider.wireName(), receivedAt, pendingTtlSeconds));
        if (result.wasApplied()) {
            return Optional.empty();
        }
        return find(enrollmentId);
    }

    @Override
    public Optional<EnrollmentProgress> find(String enrollmentId) {
        return Optional.ofNullable(session.execute(find.bind(enrollmentId)).one())
                .map(EnrollmentRepository::progress);
    }

    @Override
    public void verified(String enrollmentId, String tenantId, CloudAccountKey cloudAccount, Instant at) {
        keepClaim(enrollmentId);
        write(verified.bind(micros(at), at, tenantId, cloudAccount.toString(), enrollmentId));
    }

    @Override
    public void accountReady(String enrollmentId, Instant at) {
        write(accountReady.bind(micros(at), at, enrollmentId));
    }

    @Override
    public void activationIssued(String enrollmentId, ActivationGrant grant, Instant at) {
        write(activationIssued.bind(
                micros(at),
                at,
                grant.activationId(),
                grant.region(),
                grant.encryptedCode(),
                grant.keyId(),
                enrollmentId));
    }

    @Override
    public void registered(String enrollmentId, String managedInstanceId, Instant at) {
        write(registered.bind(micros(at), at, managedInstanceId, enrollmentId));
    }

    /** A rejection (the identity was never verified) expires like a pending enrollment; a later failure stays. */
    @Override
    public void failed(String enrollmentId, EnrollmentStatus status, String reason, Instant at) {
        int ttl = status == EnrollmentStatus.REJECTED ? pendingTtlSeconds : 0;
        write(failed.bind(micros(at), ttl, at, status.name(), reason, enrollmentId));
    }

    /** Writes the claim's cells again without a TTL; nothing when they are gone (expired before verification). */
    private void keepClaim(String enrollmentId) {
        Row claimed = session.execute(claimedCells.bind(enrollmentId)).one();
        if (claimed == null || claimed.getString("secret_hash") == null) {
            log.warn("verified enrollment has no claim left (it expired before verification, or never was)");
            return;
        }
        write(keepClaim.bind(
                claimed.getLong("claimed_micros") + 1,
                claimed.getString("secret_hash"),
                claimed.getString("fingerprint"),
                claimed.getString("provider"),
                claimed.getInstant("received_at"),
                enrollmentId));
    }

    private void write(BoundStatement statement) {
        session.execute(statement);
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static EnrollmentProgress progress(Row row) {
        String secretHash = row.getString("secret_hash");
        String activationId = row.getString("activation_id");
        String failureStatus = row.getString("failure_status");
        return new EnrollmentProgress(
                row.getString("enrollment_id"),
                secretHash == null ? null : new SecretHash(secretHash),
                row.getString("fingerprint"),
                row.getInstant("verified_at") != null,
                row.getInstant("account_ready_at") != null,
                activationId == null
                        ? null
                        : new ActivationGrant(
                                activationId,
                                row.getString("activation_region"),
                                row.getString("activation_code_jwe"),
                                row.getString("activation_key_id")),
                row.getString("managed_instance_id"),
                failureStatus == null
                        ? null
                        : new EnrollmentProgress.Failure(
                                EnrollmentStatus.valueOf(failureStatus), row.getString("failure_reason")));
    }
}
