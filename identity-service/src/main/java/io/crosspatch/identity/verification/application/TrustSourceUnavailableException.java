package io.crosspatch.identity.verification.application;

/**
 * A key source (a JWKS endpoint) could not be read. Not the VM's fault, so not a rejection: the record is retried
 * by the error handler and, if the source stays down, dead-lettered for an operator.
 */
public class TrustSourceUnavailableException extends RuntimeException {

    public TrustSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
