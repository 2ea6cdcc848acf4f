package io.crosspatch.schemas.serde;

/** The header is fine but the Avro body does not decode with the writer schema it names. */
public final class MalformedPayloadException extends PoisonPayloadException {

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
