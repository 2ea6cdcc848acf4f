package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;

/**
 * The ingress's answer to an enrollment request: its id and where it stands (PENDING when just published).
 *
 * @param published whether this request was published to {@code enrollment.requested}
 */
public record Acceptance(String enrollmentId, EnrollmentStatus status, boolean published) {}
