package io.crosspatch.simulator.aws;

import java.util.Map;

/**
 * An error exactly as an AWS service would return it: the error code the SDK maps to an exception class, the
 * HTTP status, whether the caller (Sender) or the service (Receiver) is at fault, and any extra members of the
 * error shape (Organizations' {@code Reason}, for instance).
 */
public class AwsException extends RuntimeException {

    private final String code;
    private final int status;
    private final Map<String, String> extraFields;

    public AwsException(String code, int status, String message) {
        this(code, status, message, Map.of());
    }

    public AwsException(String code, int status, String message, Map<String, String> extraFields) {
        super(message);
        this.code = code;
        this.status = status;
        this.extraFields = Map.copyOf(extraFields);
    }

    /** SSM's (and most JSON services') error for a parameter that breaks a documented constraint. */
    public static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return status < 500;
    }

    public Map<String, String> extraFields() {
        return extraFields;
    }
}
