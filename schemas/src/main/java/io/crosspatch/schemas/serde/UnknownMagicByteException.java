package io.crosspatch.schemas.serde;

/** The payload does not start with the Confluent wire format's magic byte 0: it was not written by an Avro serde. */
public final class UnknownMagicByteException extends PoisonPayloadException {

    public UnknownMagicByteException(byte found) {
        super("unknown magic byte " + found + " (expected 0): not Confluent wire format");
    }
}
