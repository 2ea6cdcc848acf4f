package io.crosspatch.reporting.compliance.web;

import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An enrollment of the tenant that never became an instance.
 *
 * @param enrollmentId   the enrollment
 * @param provider       provider, lower case, when known
 * @param cloudAccountId cloud account, when known
 * @param stage          the stage that gave up
 * @param reasonCode     stable reason code
 * @param message        explanation
 * @param retryable      whether enrolling again may succeed
 * @param failedAt       when it gave up
 */
record EnrollmentFailureView(
        String enrollmentId,
        @Nullable String provider,
        String cloudAccountId,
        String stage,
        String reasonCode,
        String message,
        boolean retryable,
        Instant failedAt) {

    static EnrollmentFailureView of(EnrollmentFailure failure) {
        return new EnrollmentFailureView(
                failure.enrollmentId(),
                failure.provider() == null ? null : failure.provider().wireName(),
                failure.cloudAccountId(),
                failure.stage(),
                failure.reasonCode(),
                failure.message(),
                failure.retryable(),
                failure.failedAt());
    }
}
