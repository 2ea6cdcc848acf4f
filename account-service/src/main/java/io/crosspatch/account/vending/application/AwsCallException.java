package io.crosspatch.account.vending.application;

import org.jspecify.annotations.Nullable;

/**
 * An AWS call that did not succeed, told in AWS's own terms without the SDK's types: the error code, the
 * {@code Reason} where Organizations gives one, and the HTTP status (0 when no answer arrived at all).
 */
public class AwsCallException extends RuntimeException {

    private final @Nullable String errorCode;
    private final @Nullable String reason;
    private final int statusCode;

    public AwsCallException(
            @Nullable String errorCode,
            @Nullable String reason,
            int statusCode,
            @Nullable String message,
            Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.reason = reason;
        this.statusCode = statusCode;
    }

    public @Nullable String errorCode() {
        return errorCode;
    }

    public @Nullable String reason() {
        return reason;
    }

    public int statusCode() {
        return statusCode;
    }
}
