package io.crosspatch.servicekit.messaging;

/**
 * Thrown by an application service when a record can never be processed, whatever happens later (a value
 * that breaks the contract). The error handler sends such a record to the dead-letter topic at once instead
 * of retrying it.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
