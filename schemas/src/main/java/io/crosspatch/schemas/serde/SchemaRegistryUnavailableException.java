package io.crosspatch.schemas.serde;

/** The registry could not be reached or failed on its side (5xx): the same request may succeed later. */
public final class SchemaRegistryUnavailableException extends AvroSerdeException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaRegistryUnavailableException(String message) {
        super(message);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
