package io.crosspatch.identity.verification.application;

/** The retirement request could not be handed on now (the broker did not acknowledge it); the admin asks again. */
public class RetirementUnavailableException extends RuntimeException {

    public RetirementUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
