package io.crosspatch.identity.enrollment.domain;

import org.jspecify.annotations.Nullable;

/**
 * What is known about one enrollment: one fact per stage, each recorded by its own event. The status is derived from
 * which facts exist rather than stored, so events may arrive in any order and any number of times and the status
 * still never goes backwards: a failure settles it, otherwise the furthest stage reached wins.
 *
 * @param failure      REJECTED (verification said no) or FAILED (a later stage gave up), with its reason; or null
 */
public record EnrollmentProgress(
        String enrollmentId,
        @Nullable SecretHash secretHash,
        @Nullable String fingerprint,
        boolean verified,
        boolean accountReady,
        @Nullable ActivationGrant activation,
        @Nullable String managedInstanceId,
        @Nullable Failure failure) {

    /** A stage gave up: the status it leads to and the reason code. */
    public record Failure(EnrollmentStatus status, String reason) {}

    public EnrollmentStatus status() {
        if (failure != null) {
            return failure.status();
        }
        if (managedInstanceId != null) {
            return EnrollmentStatus.REGISTERED;
        }
        if (activation != null) {
            return EnrollmentStatus.ACTIVATION_ISSUED;
        }
        if (accountReady) {
            return EnrollmentStatus.ACCOUNT_READY;
        }
        return verified ? EnrollmentStatus.VERIFIED : EnrollmentStatus.PENDING;
    }

    /** The activation, but only while the VM still needs it to register (or has just used it). */
    public @Nullable ActivationGrant deliverableActivation() {
        EnrollmentStatus status = status();
        return status == EnrollmentStatus.ACTIVATION_ISSUED || status == EnrollmentStatus.REGISTERED
                ? activation
                : null;
    }
}
