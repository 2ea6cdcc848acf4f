package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import java.time.Instant;

/** Hands an accepted enrollment to the verifier; returns only once the broker has acknowledged it. */
public interface EnrollmentRequestPublisher {

    /** @throws EnrollmentsUnavailableException when the broker did not acknowledge in time */
    void publish(String enrollmentId, EnrollmentRequest request, String sourceAddress, Instant receivedAt);
}
