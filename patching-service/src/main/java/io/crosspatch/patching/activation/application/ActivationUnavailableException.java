package io.crosspatch.patching.activation.application;

/**
 * Creating an activation failed in a way that may pass (throttled beyond the SDK's retries, a server error): the
 * enrollment is left for redelivery rather than failed.
 */
public class ActivationUnavailableException extends RuntimeException {

    public ActivationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
