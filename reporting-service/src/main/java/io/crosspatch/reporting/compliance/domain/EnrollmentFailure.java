package io.crosspatch.reporting.compliance.domain;

import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An enrollment some stage gave up on: a VM that asked to be patched and never became a managed instance.
 * Only failures attributed to a tenant are kept; the others (e.g. an account nobody onboarded) belong to no
 * tenant's report.
 *
 * @param tenantId       the tenant
 * @param enrollmentId   the enrollment
 * @param failedAt       when the stage gave up
 * @param stage          the stage that gave up, e.g. {@code ACCOUNT}
 * @param reasonCode     the stable reason, e.g. {@code EMAIL_ALREADY_EXISTS}
 * @param message        the human-readable explanation
 * @param retryable      whether enrolling again may succeed
 * @param provider       the provider, may be null
 * @param cloudAccountId the cloud account, may be null
 */
public record EnrollmentFailure(
        String tenantId,
        String enrollmentId,
        Instant failedAt,
        String stage,
        String reasonCode,
        String message,
        boolean retryable,
        @Nullable CloudProvider provider,
        String cloudAccountId) {

    public EnrollmentFailure {
        InstanceRef.requireText(tenantId, "tenantId");
        InstanceRef.requireText(enrollmentId, "enrollmentId");
    }
}
