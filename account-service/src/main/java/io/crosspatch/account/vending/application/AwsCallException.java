package io.crosspatch.account.vending.application;

/**
 * An AWS call that did not succeed, told in AWS's own terms without the SDK's types: the error code, the
 * {@code Reason} where Organizations gives one, and the HTTP status (0 when no answer arrived at all).
 */
public class AwsCallException extends RuntimeException {

    private final String errorCode;
    private final String reason;
    private final int statusCode;

    public AwsCallException(String errorCode, String reason, int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.reason = reason;
        this.statusCode = statusCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public String reason() {
        return reason;
    }

    public int statusCode() {
        return statusCode;
    }
}
