package io.crosspatch.patching.activation.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.activation.application.EnrollmentStore;
import io.crosspatch.patching.activation.domain.AccountActivation;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentState;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.patching.activation.domain.StoredEnrollment;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The {@code enrollments} table (one row per enrollment, claimed once with a lightweight transaction) and
 * {@code activations_by_account} (what the registration watcher reads: one partition per system account).
 */
@Repository
class EnrollmentRepository implements EnrollmentStore {

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement find;
    private final PreparedStatement issued;
    private final PreparedStatement activation;
    private final PreparedStatement published;
    private final PreparedStatement failed;
    private final PreparedStatement activationsOf;
    private final PreparedStatement registerActivation;
    private final PreparedStatement registerEnrollment;
    private final PreparedStatement expireActivation;
    private final PreparedStatement retireActivation;
    private final PreparedStatement retireEnrollment;

    public EnrollmentRepository(CqlSession session) {
        this.session = session;
        this.claim = session.prepare(
                "INSERT INTO enrollments (enrollment_id, state, system_account_id, region, tenant_id, "
                        + "provider, cloud_account_id, cloud_account_name, instance_id, hostname, operating_system, patch_group, "
                        + "issued_published, claimed_at) VALUES (?, 'CLAIMED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?) IF NOT EXISTS");
        this.find = session.prepare("SELECT * FROM enrollments WHERE enrollment_id = ?");
        this.issued = session.prepare("UPDATE enrollments SET state = 'ISSUED', activation_id = ?, "
                + "encrypted_activation_code = ?, encryption_key_id = ?, expires_at = ? WHERE enrollment_id = ?");
        this.activation = session.prepare("INSERT INTO activations_by_account (system_account_id, activation_id, "
                + "enrollment_id, expires_at, status) VALUES (?, ?, ?, ?, 'PENDING')");
        this.published = session.prepare("UPDATE enrollments SET issued_published = true WHERE enrollment_id = ?");
        this.failed = session.prepare("UPDATE enrollments SET state = 'FAILED' WHERE enrollment_id = ?");
        this.activationsOf = session.prepare("SELECT * FROM activations_by_account WHERE system_account_id = ?");
        this.registerActivation = session.prepare("UPDATE activations_by_account SET status = 'REGISTERED', "
                + "managed_instance_id = ? WHERE system_account_id = ? AND activation_id = ? IF status = 'PENDING'");
        this.registerEnrollment = session.prepare(
                "UPDATE enrollments SET state = 'REGISTERED', managed_instance_id = ? " + "WHERE enrollment_id = ?");
        this.expireActivation = session.prepare("UPDATE activations_by_account SET status = 'EXPIRED' "
                + "WHERE system_account_id = ? AND activation_id = ? IF status = 'PENDING'");
        this.retireActivation = session.prepare("UPDATE activations_by_account SET status = 'RETIRED' "
                + "WHERE system_account_id = ? AND activation_id = ?");
        this.retireEnrollment = session.prepare("UPDATE enrollments SET state = 'RETIRED' WHERE enrollment_id = ?");
    }

    @Override
    public boolean claim(Enrollment e, Instant at) {
        SystemAccountRef a = e.account();
        return session.execute(claim.bind(
                        e.enrollmentId(),
                        a.accountId(),
                        a.region(),
                        e.tenantId(),
                        e.provider().name(),
                        e.cloudAccountId(),
                        e.cloudAccountName(),
                        e.instanceId(),
                        e.hostname(),
                        e.operatingSystem(),
                        e.patchGroup(),
                        at))
                .wasApplied();
    }

    @Override
    public Optional<StoredEnrollment> find(String enrollmentId, SystemAccountRef account) {
        return Optional.ofNullable(session.execute(find.bind(enrollmentId)).one())
                .map(row -> stored(row, account));
    }

    @Override
    public void markIssued(Enrollment e, String activationId, SealedCode code, Instant expiresAt) {
        session.execute(issued.bind(activationId, code.jwe(), code.keyId(), expiresAt, e.enrollmentId()));
        session.execute(activation.bind(e.account().accountId(), activationId, e.enrollmentId(), expiresAt));
    }

    @Override
    public void markPublished(String enrollmentId) {
        session.execute(published.bind(enrollmentId));
    }

    @Override
    public void markFailed(String enrollmentId) {
        session.execute(failed.bind(enrollmentId));
    }

    @Override
    public List<AccountActivation> activationsOf(String accountId) {
        List<AccountActivation> activations = new ArrayList<>();
        session.execute(activationsOf.bind(accountId))
                .forEach(row -> activations.add(new AccountActivation(
                        row.getString("activation_id"),
                        row.getString("enrollment_id"),
                        row.getInstant("expires_at"),
                        row.getString("status"),
                        row.getString("managed_instance_id"))));
        return activations;
    }

    @Override
    public boolean markRegistered(
            String accountId, String activationId, String enrollmentId, String managedInstanceId) {
        boolean first = session.execute(registerActivation.bind(managedInstanceId, accountId, activationId))
                .wasApplied();
        if (first) {
            session.execute(registerEnrollment.bind(managedInstanceId, enrollmentId));
        }
        return first;
    }

    @Override
    public boolean markExpired(String accountId, String activationId) {
        return session.execute(expireActivation.bind(accountId, activationId)).wasApplied();
    }

    @Override
    public void markRetired(String accountId, @Nullable String activationId, String enrollmentId) {
        if (activationId != null) {
            session.execute(retireActivation.bind(accountId, activationId));
        }
        session.execute(retireEnrollment.bind(enrollmentId));
    }

    private static StoredEnrollment stored(Row row, SystemAccountRef account) {
        Enrollment enrollment = new Enrollment(
                row.getString("enrollment_id"),
                row.getString("tenant_id"),
                CloudProvider.parse(row.getString("provider")),
                row.getString("cloud_account_id"),
                row.getString("cloud_account_name"),
                row.getString("instance_id"),
                row.getString("hostname"),
                row.getString("operating_system"),
                row.getString("patch_group"),
                account);
        return new StoredEnrollment(
                enrollment,
                EnrollmentState.valueOf(row.getString("state")),
                row.getString("activation_id"),
                row.getString("encrypted_activation_code"),
                row.getString("encryption_key_id"),
                row.getInstant("expires_at"),
                row.getBoolean("issued_published"),
                row.getString("managed_instance_id"));
    }
}
