package io.crosspatch.schemas.serde;

/**
 * The bytes can never be read, however often they are tried: a record with such a value belongs in the
 * dead-letter topic straight away.
 */
public abstract class PoisonPayloadException extends AvroSerdeException {

    protected PoisonPayloadException(String message) {
        super(message);
    }

    protected PoisonPayloadException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean isRetryable() {
        return false;
    }
}
