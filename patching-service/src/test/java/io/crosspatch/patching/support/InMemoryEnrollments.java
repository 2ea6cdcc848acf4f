package io.crosspatch.patching.support;

import io.crosspatch.patching.activation.application.EnrollmentStore;
import io.crosspatch.patching.activation.domain.AccountActivation;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentState;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.patching.activation.domain.StoredEnrollment;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EnrollmentStore} in memory, with the Cassandra adapter's semantics: a claim succeeds once per enrollment,
 * and marking an activation registered or expired succeeds only while it is PENDING (the lightweight transactions
 * of {@code EnrollmentRepository}). Synchronized: the intake works enrollments on several threads.
 */
public final class InMemoryEnrollments implements EnrollmentStore {

    private final Map<String, StoredEnrollment> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, AccountActivation>> activationsByAccount = new LinkedHashMap<>();

    @Override
    public synchronized boolean claim(Enrollment enrollment, Instant at) {
        if (rows.containsKey(enrollment.enrollmentId())) {
            return false;
        }
        rows.put(
                enrollment.enrollmentId(),
                new StoredEnrollment(enrollment, EnrollmentState.CLAIMED, null, null, null, null, false, null));
        return true;
    }

    @Override
    public synchronized Optional<StoredEnrollment> find(String enrollmentId, SystemAccountRef account) {
        return Optional.ofNullable(rows.get(enrollmentId));
    }

    @Override
    public synchronized void markIssued(
            Enrollment enrollment, String activationId, SealedCode code, Instant expiresAt) {
        StoredEnrollment row = rows.get(enrollment.enrollmentId());
        rows.put(
                enrollment.enrollmentId(),
                new StoredEnrollment(
                        row.enrollment(),
                        EnrollmentState.ISSUED,
                        activationId,
                        code.jwe(),
                        code.keyId(),
                        expiresAt,
                        row.issuedPublished(),
                        row.managedInstanceId()));
        activationsByAccount
                .computeIfAbsent(enrollment.account().accountId(), id -> new LinkedHashMap<>())
                .put(
                        activationId,
                        new AccountActivation(
                                activationId, enrollment.enrollmentId(), expiresAt, AccountActivation.PENDING, null));
    }

    @Override
    public synchronized void markPublished(String enrollmentId) {
        StoredEnrollment row = rows.get(enrollmentId);
        rows.put(
                enrollmentId,
                new StoredEnrollment(
                        row.enrollment(),
                        row.state(),
                        row.activationId(),
                        row.encryptedActivationCode(),
                        row.encryptionKeyId(),
                        row.expiresAt(),
                        true,
                        row.managedInstanceId()));
    }

    @Override
    public synchronized void markFailed(String enrollmentId) {
        StoredEnrollment row = rows.get(enrollmentId);
        rows.put(
                enrollmentId,
                new StoredEnrollment(
                        row.enrollment(),
                        EnrollmentState.FAILED,
                        row.activationId(),
                        row.encryptedActivationCode(),
                        row.encryptionKeyId(),
                        row.expiresAt(),
                        row.issuedPublished(),
                        row.managedInstanceId()));
    }

    @Override
    public synchronized List<AccountActivation> activationsOf(String accountId) {
        return new ArrayList<>(
                activationsByAccount.getOrDefault(accountId, Map.of()).values());
    }

    @Override
    public synchronized boolean markRegistered(
            String accountId, String activationId, String enrollmentId, String managedInstanceId) {
        if (!transition(accountId, activationId, "REGISTERED", managedInstanceId)) {
            return false;
        }
        StoredEnrollment row = rows.get(enrollmentId);
        rows.put(
                enrollmentId,
                new StoredEnrollment(
                        row.enrollment(),
                        EnrollmentState.REGISTERED,
                        row.activationId(),
                        row.encryptedActivationCode(),
                        row.encryptionKeyId(),
                        row.expiresAt(),
                        row.issuedPublished(),
                        managedInstanceId));
        return true;
    }

    @Override
    public synchronized boolean markExpired(String accountId, String activationId) {
        return transition(accountId, activationId, "EXPIRED", null);
    }

    @Override
    public synchronized void markRetired(String accountId, String activationId, String enrollmentId) {
        if (activationId != null) {
            AccountActivation current =
                    activationsByAccount.getOrDefault(accountId, Map.of()).get(activationId);
            if (current != null) {
                activationsByAccount
                        .get(accountId)
                        .put(
                                activationId,
                                new AccountActivation(
                                        activationId,
                                        current.enrollmentId(),
                                        current.expiresAt(),
                                        "RETIRED",
                                        current.managedInstanceId()));
            }
        }
        StoredEnrollment row = rows.get(enrollmentId);
        rows.put(
                enrollmentId,
                new StoredEnrollment(
                        row.enrollment(),
                        EnrollmentState.RETIRED,
                        row.activationId(),
                        row.encryptedActivationCode(),
                        row.encryptionKeyId(),
                        row.expiresAt(),
                        row.issuedPublished(),
                        row.managedInstanceId()));
    }

    /** The enrollment's row, for assertions. */
    public synchronized StoredEnrollment row(String enrollmentId) {
        return rows.get(enrollmentId);
    }

    private boolean transition(String accountId, String activationId, String status, String managedInstanceId) {
        Map<String, AccountActivation> ofAccount = activationsByAccount.getOrDefault(accountId, Map.of());
        AccountActivation current = ofAccount.get(activationId);
        if (current == null || !current.pending()) {
            return false;
        }
        ofAccount.put(
                activationId,
                new AccountActivation(
                        activationId, current.enrollmentId(), current.expiresAt(), status, managedInstanceId));
        return true;
    }
}
