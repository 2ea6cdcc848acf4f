package io.crosspatch.identity.support.memory;

import io.crosspatch.identity.enrollment.application.Enrollments;
import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.enrollment.domain.EnrollmentProgress;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * {@link Enrollments} in memory: the first claim of an id records it, later claims get what is stored; each stage
 * fact is set on the stored progress (time-to-live and write times are not modelled).
 */
public final class InMemoryEnrollments implements Enrollments {

    private final Map<String, EnrollmentProgress> progress = new ConcurrentHashMap<>();

    @Override
    public Optional<EnrollmentProgress> claim(
            String enrollmentId,
            SecretHash secretHash,
            String fingerprint,
            CloudProvider provider,
            Instant receivedAt) {
        return Optional.ofNullable(progress.putIfAbsent(
                enrollmentId,
                new EnrollmentProgress(enrollmentId, secretHash, fingerprint, false, false, null, null, null)));
    }

    @Override
    public Optional<EnrollmentProgress> find(String enrollmentId) {
        return Optional.ofNullable(progress.get(enrollmentId));
    }

    @Override
    public void verified(String enrollmentId, String tenantId, CloudAccountKey cloudAccount, Instant at) {
        update(
                enrollmentId,
                p -> new EnrollmentProgress(
                        p.enrollmentId(),
                        p.secretHash(),
                        p.fingerprint(),
                        true,
                        p.accountReady(),
                        p.activation(),
                        p.managedInstanceId(),
                        p.failure()));
    }

    @Override
    public void accountReady(String enrollmentId, Instant at) {
        update(
                enrollmentId,
                p -> new EnrollmentProgress(
                        p.enrollmentId(),
                        p.secretHash(),
                        p.fingerprint(),
                        p.verified(),
                        true,
                        p.activation(),
                        p.managedInstanceId(),
                        p.failure()));
    }

    @Override
    public void activationIssued(String enrollmentId, ActivationGrant grant, Instant at) {
        update(
                enrollmentId,
                p -> new EnrollmentProgress(
                        p.enrollmentId(),
                        p.secretHash(),
                        p.fingerprint(),
                        p.verified(),
                        p.accountReady(),
                        grant,
                        p.managedInstanceId(),
                        p.failure()));
    }

    @Override
    public void registered(String enrollmentId, String managedInstanceId, Instant at) {
        update(
                enrollmentId,
                p -> new EnrollmentProgress(
                        p.enrollmentId(),
                        p.secretHash(),
                        p.fingerprint(),
                        p.verified(),
                        p.accountReady(),
                        p.activation(),
                        managedInstanceId,
                        p.failure()));
    }

    @Override
    public void failed(String enrollmentId, EnrollmentStatus status, String reason, Instant at) {
        update(
                enrollmentId,
                p -> new EnrollmentProgress(
                        p.enrollmentId(),
                        p.secretHash(),
                        p.fingerprint(),
                        p.verified(),
                        p.accountReady(),
                        p.activation(),
                        p.managedInstanceId(),
                        new EnrollmentProgress.Failure(status, reason)));
    }

    private void update(String enrollmentId, UnaryOperator<EnrollmentProgress> change) {
        progress.compute(
                enrollmentId,
                (id, known) -> change.apply(
                        known == null
                                ? new EnrollmentProgress(id, null, null, false, false, null, null, null)
                                : known));
    }
}
