package io.crosspatch.patching.activation.domain;

/**
 * Why patching-service gave up on an enrollment: a stable reason code, a message for people, the stage
 * (ACTIVATION or REGISTRATION) and whether trying again later could succeed.
 */
public record EnrollmentFailure(String stage, String reasonCode, String message, boolean retryable) {

    public static EnrollmentFailure activation(String reasonCode, String message, boolean retryable) {
        return new EnrollmentFailure("ACTIVATION", reasonCode, message, retryable);
    }

    public static EnrollmentFailure registration(String reasonCode, String message, boolean retryable) {
        return new EnrollmentFailure("REGISTRATION", reasonCode, message, retryable);
    }
}
