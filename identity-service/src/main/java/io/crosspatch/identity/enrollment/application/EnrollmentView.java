package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the holder of an enrollment's secret is told: the status, the reason of a rejection or failure, the
 * activation (with its code in plain text, for this answer only) and the managed instance id once registered.
 */
public record EnrollmentView(
        String enrollmentId,
        EnrollmentStatus status,
        @Nullable String reason,
        @Nullable DeliveredActivation activation,
        @Nullable String managedInstanceId) {

    /** An SSM activation the VM registers its agent with. */
    public record DeliveredActivation(String activationId, String activationCode, String region) {

        @Override
        public String toString() {
            return "DeliveredActivation[activationId=" + activationId + ", region=" + region + "]";
        }
    }
}
