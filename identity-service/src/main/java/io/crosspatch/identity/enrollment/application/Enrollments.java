package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.enrollment.domain.EnrollmentProgress;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Optional;

/**
 * What is known of each enrollment, one fact per stage. The claim of an id is atomic, so of two racing requests
 * under one id exactly one records its secret hash and fingerprint; every stage fact is an upsert stamped with its
 * event's time, so a redelivered or late event changes nothing it should not.
 */
public interface Enrollments {

    /**
     * Records a new enrollment unless its id is taken; returns what is stored under the id when it is (the other
     * request's), or nothing when this call recorded it.
     */
    Optional<EnrollmentProgress> claim(
            String enrollmentId, SecretHash secretHash, String fingerprint, CloudProvider provider, Instant receivedAt);

    Optional<EnrollmentProgress> find(String enrollmentId);

    void verified(String enrollmentId, String tenantId, CloudAccountKey cloudAccount, Instant at);

    void accountReady(String enrollmentId, Instant at);

    void activationIssued(String enrollmentId, ActivationGrant grant, Instant at);

    void registered(String enrollmentId, String managedInstanceId, Instant at);

    /** A REJECTED (never verified) or FAILED (a later stage gave up) enrollment, with its reason code. */
    void failed(String enrollmentId, EnrollmentStatus status, String reason, Instant at);
}
