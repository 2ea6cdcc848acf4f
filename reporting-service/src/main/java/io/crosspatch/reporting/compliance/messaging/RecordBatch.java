package io.crosspatch.reporting.compliance.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Turns a polled batch into domain records for one application call. The first record that cannot be read
 * (bytes the serde refused, or a value that breaks the contract) splits the batch: the records before it are
 * applied, then a {@link BatchListenerFailedException} names it, so the error handler commits the applied
 * prefix, sends that record to the dead-letter topic and redelivers the rest.
 */
final class RecordBatch {

    private static final Logger log = LoggerFactory.getLogger(RecordBatch.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(RecordBatch.class);

    private RecordBatch() {}

    /**
     * Maps each record's value with {@code mapping} (a null result means "nothing to store") and hands the
     * mapped values to {@code apply}.
     */
    static <V, D> void apply(List<ConsumerRecord<String, V>> records, Function<V, D> mapping, Consumer<List<D>> apply) {
        List<D> mapped = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, V> record = records.get(index);
            RuntimeException failure;
            try {
                failure = unreadable(record);
                if (failure == null) {
                    mapped.add(mapping.apply(record.value()));
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            if (failure != null) {
                apply.accept(mapped.stream().filter(Objects::nonNull).toList());
                try (MDC.MDCCloseable key = MDC.putCloseable("cloudAccountKey", record.key())) {
                    log.warn(
                            "record {}-{}@{} cannot be stored: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            failure.getMessage());
                }
                throw new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, index);
            }
        }
        apply.accept(mapped.stream().filter(Objects::nonNull).toList());
    }

    private static @Nullable RuntimeException unreadable(ConsumerRecord<String, ?> record) {
        if (record.value() != null) {
            return null;
        }
        DeserializationException exception = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        return exception != null ? exception : new IllegalArgumentException("record without a value");
    }
}
