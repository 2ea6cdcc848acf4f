package io.crosspatch.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Base of every failure of the Avro serde. Extends Kafka's {@link SerializationException} so Kafka and
 * Spring Kafka treat it as a serialization problem, and says whether trying the same bytes again later can
 * succeed: a consumer retries a retryable failure with back-off and dead-letters the others at once.
 */
public abstract class AvroSerdeException extends SerializationException {

    protected AvroSerdeException(String message) {
        super(message);
    }

    protected AvroSerdeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same input may succeed later (the registry was unreachable), false for bad input. */
    public abstract boolean isRetryable();
}
