package io.crosspatch.identity.verification.domain;

import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import java.util.Objects;

/**
 * One enrollment as the verifier receives it from {@code enrollment.requested}: the id the ingress derived for it and
 * the request itself, in the same shape the ingress checked.
 */
public record RequestedEnrollment(String enrollmentId, EnrollmentRequest request) {

    public RequestedEnrollment {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(request, "request");
    }
}
