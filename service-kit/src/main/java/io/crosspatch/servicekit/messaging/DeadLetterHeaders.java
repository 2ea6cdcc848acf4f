package io.crosspatch.servicekit.messaging;

import io.crosspatch.schemas.serde.AvroSerdeException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers that say why a record is in a dead-letter topic in terms of the root cause. Spring's own
 * {@code kafka_dlt-exception-*} headers name the outermost exceptions (the listener and deserialization
 * wrappers), which tell an operator nothing about what is wrong with the record.
 */
public final class DeadLetterHeaders {

    /** Fully qualified class of the root cause, e.g. {@code io.crosspatch.schemas.serde.UnknownMagicByteException}. */
    public static final String ERROR_CLASS = "crosspatch-error-class";
    /** Message of the root cause. */
    public static final String ERROR_MESSAGE = "crosspatch-error-message";
    /** Whether processing the same record again could succeed ("true"/"false"), for a later replay. */
    public static final String RETRYABLE = "crosspatch-error-retryable";

    private DeadLetterHeaders() {}

    static Headers describing(Exception exception) {
        Throwable root = rootCause(exception);
        boolean retryable = root instanceof AvroSerdeException serde
                ? serde.isRetryable()
                : !(root instanceof NonRetryableEventException);
        RecordHeaders headers = new RecordHeaders();
        headers.add(ERROR_CLASS, bytes(root.getClass().getName()));
        headers.add(ERROR_MESSAGE, bytes(String.valueOf(root.getMessage())));
        headers.add(RETRYABLE, bytes(Boolean.toString(retryable)));
        return headers;
    }

    /** The serde's own failure if there is one in the chain, else the innermost cause. */
    private static Throwable rootCause(Throwable exception) {
        Throwable current = exception;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof AvroSerdeException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
