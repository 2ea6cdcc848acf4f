package io.crosspatch.servicekit.testing;

import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic of the testbed (for any service's tests) from the beginning, decoded with the project's Avro serde. */
public final class EventLog {

    private EventLog() {}

    /** Every record of {@code topic} with key {@code key} whose value matches, once there are at least {@code count}. */
    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecord> List<V> await(
            String topic, String key, Class<V> type, Predicate<V> matching, int count) {
        List<V> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())
                            && type.isInstance(record.value())
                            && matching.test((V) record.value())) {
                        found.add((V) record.value());
                    }
                }
                return found.size() >= count;
            });
        }
        return found;
    }

    /** Everything {@code topic} holds under {@code key} right now (reads until the end of every partition). */
    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecord> List<V> all(String topic, String key, Class<V> type) {
        List<V> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key()) && type.isInstance(record.value())) {
                        found.add((V) record.value());
                    }
                });
                return !consumer.assignment().isEmpty()
                        && consumer.assignment().stream()
                                .allMatch(partition -> consumer.position(partition)
                                        >= consumer.endOffsets(List.of(partition))
                                                .get(partition));
            });
        }
        return found;
    }

    /** The raw value bytes of every record {@code topic} holds right now. */
    public static List<byte[]> rawValues(String topic) {
        List<byte[]> found = new ArrayList<>();
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "event-log-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                config, new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> found.add(record.value()));
                return !consumer.assignment().isEmpty()
                        && consumer.assignment().stream()
                                .allMatch(partition -> consumer.position(partition)
                                        >= consumer.endOffsets(List.of(partition))
                                                .get(partition));
            });
        }
        return found;
    }

    /** A consumer of its own group, from the beginning, reading values with the project's Avro deserializer. */
    private static KafkaConsumer<String, Object> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "event-log-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put("schema.registry.url", Testbed.shared().schemaRegistry().url());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }
}
