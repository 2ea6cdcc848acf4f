package io.crosspatch.servicekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionOwnershipTest {

    private static final String TOPIC = "account.ready";

    private final PartitionOwnership ownership = new PartitionOwnership(TOPIC);
    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

    @Test
    void aKeyLandsInThePartitionKafkasProducerPicksForIt() {
        IntStream.range(0, 2_000)
                .mapToObj(i -> (i % 2 == 0 ? "gcp:project-" : "azure:sub-") + i)
                .forEach(key -> assertThat(PartitionOwnership.partitionOf(key, 6))
                        .as(key)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 6)));
    }

    @Test
    void ownsTheAccountsOfItsAssignedPartitionsOnly() {
        List<String> keys = IntStream.range(0, 600)
                .mapToObj(i -> "aws:" + (100_000_000_000L + i))
                .toList();
        assertThat(keys).noneMatch(ownership::owns); // nothing before the first assignment

        topicHasPartitions(6);
        ownership.onPartitionsAssigned(
                consumer,
                List.of(
                        new TopicPartition(TOPIC, 0),
                        new TopicPartition(TOPIC, 2),
                        new TopicPartition("another.topic", 1)));
        assertThat(keys)
                .allMatch(key -> ownership.owns(key) == List.of(0, 2).contains(PartitionOwnership.partitionOf(key, 6)));
        assertThat(keys).anyMatch(ownership::owns).anyMatch(key -> !ownership.owns(key));

        ownership.onPartitionsAssigned(consumer, List.of(new TopicPartition(TOPIC, 5))); // a cooperative increment
        ownership.onPartitionsRevokedBeforeCommit(consumer, List.of(new TopicPartition(TOPIC, 2)));
        assertThat(keys)
                .allMatch(key -> ownership.owns(key) == List.of(0, 5).contains(PartitionOwnership.partitionOf(key, 6)));

        ownership.onPartitionsLost(consumer, List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 5)));
        assertThat(keys).noneMatch(ownership::owns);
    }

    @Test
    void reportsTheOwnedPartitionNumbersOfItsTopicOnly() {
        assertThat(ownership.partitions()).isEmpty();

        topicHasPartitions(6);
        ownership.onPartitionsAssigned(
                consumer,
                List.of(
                        new TopicPartition(TOPIC, 1),
                        new TopicPartition(TOPIC, 4),
                        new TopicPartition("another.topic", 3)));
        ownership.onPartitionsRevokedBeforeCommit(consumer, List.of(new TopicPartition(TOPIC, 4)));

        assertThat(ownership.partitions()).containsExactly(1);
    }

    @Test
    void allPartitionsMeanEveryAccount() {
        topicHasPartitions(6);
        ownership.onPartitionsAssigned(
                consumer,
                IntStream.range(0, 6)
                        .mapToObj(p -> new TopicPartition(TOPIC, p))
                        .toList());
        assertThat(IntStream.range(0, 300).mapToObj(i -> "vmware:org-" + i)).allMatch(ownership::owns);
    }

    private void topicHasPartitions(int count) {
        consumer.updatePartitions(
                TOPIC,
                IntStream.range(0, count)
                        .mapToObj(p -> new PartitionInfo(TOPIC, p, null, null, null))
                        .toList());
    }
}
