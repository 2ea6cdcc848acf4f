package io.crosspatch.schemas.serde;

/** The payload ends before its header or its Avro body does. */
public final class TruncatedPayloadException extends PoisonPayloadException {

    public TruncatedPayloadException(String message) {
        super(message);
    }

    public TruncatedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
