package io.crosspatch.servicekit.messaging;

import io.crosspatch.servicekit.ownership.OwnedPartitions;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * The one implementation of {@link OwnedPartitions}: a rebalance listener on one topic's consumer that keeps the
 * set of partitions Kafka assigned to it. Added to on assignment (all of it with eager rebalancing, the increment
 * with cooperative rebalancing), released on revocation and on loss; until the first assignment the instance owns
 * nothing. account-service splits its vending work-list this way ({@code identity.verified}) and patching-service
 * its scheduled sweeps of system accounts ({@code account.ready}); both were once built separately, one asking the
 * listener registry, one listening to rebalances.
 *
 * <p>A key's partition is the producer's default one (murmur2 of the key's UTF-8 bytes, modulo the topic's partition
 * count), which holds for topics published with the plain string key serializer, as every Crosspatch topic is.
 * Install it on the listener's container with {@link #onContainer()} (a listener's {@code containerPostProcessor}).
 */
public class PartitionOwnership implements OwnedPartitions, ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

    private final String topic;

    /** Both replaced whole, never mutated: scheduler threads read them while the consumer thread rebalances. */
    private volatile Set<Integer> owned = Set.of();

    private volatile int partitionCount;

    public PartitionOwnership(String topic) {
        this.topic = topic;
    }

    /** The topic whose partitions this follows. */
    public String topic() {
        return topic;
    }

    @Override
    public Set<Integer> partitions() {
        return owned;
    }

    @Override
    public boolean owns(String key) {
        int partitions = partitionCount;
        return partitions > 0 && owned.contains(partitionOf(key, partitions));
    }

    /** The partition the producer's default partitioner picks for this key among {@code partitions}. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A container post-processor that makes this the container's rebalance listener. */
    public ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> onContainer() {
        return container -> container.getContainerProperties().setConsumerRebalanceListener(this);
    }

    @Override
    public synchronized void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> now = new HashSet<>(owned);
        numbersOf(partitions).forEach(now::add);
        partitionCount = consumer.partitionsFor(topic).size();
        owned = Set.copyOf(now);
        log.info("owning partitions {} of {} (of {})", owned, topic, partitionCount);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions);
    }

    private synchronized void release(Collection<TopicPartition> partitions) {
        Set<Integer> now = new HashSet<>(owned);
        numbersOf(partitions).forEach(now::remove);
        owned = Set.copyOf(now);
    }

    private List<Integer> numbersOf(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .filter(partition -> partition.topic().equals(topic))
                .map(TopicPartition::partition)
                .toList();
    }
}
