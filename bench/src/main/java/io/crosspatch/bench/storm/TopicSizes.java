package io.crosspatch.bench.storm;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The mean size of the values a topic holds, read as raw bytes after a storm: what an {@code enrollment.requested}
 * record really weighs, next to the size the Kafka baseline assumed.
 */
final class TopicSizes {

    private TopicSizes() {}

    static double meanValueBytes(Map<String, String> infrastructure, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.get("spring.kafka.bootstrap-servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-sizes-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            long bytes = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream()
                            .anyMatch(partition -> consumer.position(partition) < endOffset(end, partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        records++;
                        bytes += record.value().length;
                    }
                }
            }
            return records == 0 ? 0.0 : (double) bytes / records;
        }
    }

    /** The end offset of a partition asked about: the consumer answers one for each. */
    private static long endOffset(Map<TopicPartition, Long> end, TopicPartition partition) {
        return Objects.requireNonNull(end.get(partition), () -> "no end offset for " + partition);
    }
}
