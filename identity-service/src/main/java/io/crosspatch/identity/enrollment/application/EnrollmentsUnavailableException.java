package io.crosspatch.identity.enrollment.application;

/** The broker did not acknowledge an enrollment in time: the VM should retry later (503, not a bad request). */
public class EnrollmentsUnavailableException extends RuntimeException {

    public EnrollmentsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
