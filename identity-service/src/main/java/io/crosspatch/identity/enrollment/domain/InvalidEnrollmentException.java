package io.crosspatch.identity.enrollment.domain;

/**
 * An enrollment request that fails the ingress's syntactic checks. The code is stable and machine-readable (the
 * VM's script and operators match on it); the message says what is wrong without echoing the offending value,
 * which may be a secret or hostile bytes.
 */
public class InvalidEnrollmentException extends RuntimeException {

    private final String code;

    public InvalidEnrollmentException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
