package io.crosspatch.identity.onboarding.application;

/** The broker did not acknowledge {@code account.offboarded}: nothing was removed, the admin may simply retry. */
public class OffboardingUnavailableException extends RuntimeException {

    public OffboardingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
