package io.crosspatch.patching.activation.application;

/**
 * The cloud refused to create an activation for a reason asking again does not change (an unknown role, a
 * malformed request): the enrollment fails instead of being redelivered forever.
 */
public class ActivationRejectedException extends RuntimeException {

    private final String errorCode;

    public ActivationRejectedException(String errorCode, Throwable cause) {
        super("activation refused: " + errorCode, cause);
        this.errorCode = errorCode;
    }

    /** The cloud's error code, shown in {@code enrollment.failed}. */
    public String errorCode() {
        return errorCode;
    }
}
