package io.crosspatch.identity.enrollment.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosspatch.identity.enrollment.application.EnrollmentView;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/enrollments/{id}} for the holder of the secret: absent fields are left out.
 * {@link #toString()} leaves the activation code out so it cannot reach a log by accident.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusView(
        String enrollmentId,
        EnrollmentStatus status,
        @Nullable String reason,
        @Nullable Activation activation,
        @Nullable String managedInstanceId) {

    static StatusView of(EnrollmentView view) {
        EnrollmentView.DeliveredActivation activation = view.activation();
        return new StatusView(
                view.enrollmentId(),
                view.status(),
                view.reason(),
                activation == null
                        ? null
                        : new Activation(activation.activationId(), activation.activationCode(), activation.region()),
                view.managedInstanceId());
    }

    /** The SSM activation to register the agent with. */
    public record Activation(String activationId, String activationCode, String region) {

        @Override
        public String toString() {
            return "Activation[activationId=" + activationId + ", region=" + region + "]";
        }
    }

    @Override
    public String toString() {
        return "StatusView[enrollmentId=" + enrollmentId + ", status=" + status + "]";
    }
}
