package io.crosspatch.reporting.compliance.persistence;

/** A page token that this query did not hand out (garbled, or issued for other filters). */
public class InvalidPageTokenException extends RuntimeException {

    public InvalidPageTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
