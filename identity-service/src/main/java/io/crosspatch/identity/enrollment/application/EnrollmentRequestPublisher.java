package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import java.time.Instant;

/**
 * Hands an accepted enrollment to the verifier; returns only once the broker has acknowledged it. It is given the
 * secret's hash, never the secret: the hash is all that leaves the ingress.
 */
public interface EnrollmentRequestPublisher {

    /** @throws EnrollmentsUnavailableException when the broker did not acknowledge in time */
    void publish(
            String enrollmentId,
            EnrollmentRequest request,
            SecretHash secretHash,
            String sourceAddress,
            Instant receivedAt);
}
