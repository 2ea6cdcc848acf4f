package io.crosspatch.patching.systemaccount.messaging;

import io.crosspatch.schemas.topics.Topics;
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
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Which system accounts this instance looks after on a schedule (registrations, audits, compliance): those whose
 * cloud account key falls in an {@code account.ready} partition assigned to this instance. Several patching-service
 * instances then split the accounts between them the way Kafka splits the partitions, instead of each sweeping every
 * account (which multiplied the AWS calls and let two instances publish the same registration or compliance state).
 * A rebalance moves an account with its partition; until the first assignment an instance owns nothing.
 *
 * <p>The partition of a key is the producer's default one (murmur2 of the key's UTF-8 bytes, modulo the topic's
 * partition count), as account-service publishes {@code account.ready} with the plain string serializer.
 */
@Component
public class AccountOwnership implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(AccountOwnership.class);
    private static final String TOPIC = Topics.ACCOUNT_READY.name();

    /** Both replaced whole, never mutated: the scheduler threads read them while the consumer thread rebalances. */
    private volatile Set<Integer> owned = Set.of();
    private volatile int partitionCount;

    /** Whether this instance looks after the system account of this cloud account key ({@code <provider>:<id>}). */
    public boolean owns(String cloudAccountKey) {
        int partitions = partitionCount;
        return partitions > 0 && owned.contains(partitionOf(cloudAccountKey, partitions));
    }

    /** The {@code account.ready} partition the producer's default partitioner picks for this key. */
    public static int partitionOf(String cloudAccountKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(cloudAccountKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Adds what Kafka assigned (all of it with eager rebalancing, the increment with cooperative rebalancing). */
    @Override
    public synchronized void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> now = new HashSet<>(owned);
        numbersOf(partitions).forEach(now::add);
        partitionCount = consumer.partitionsFor(TOPIC).size();
        owned = Set.copyOf(now);
        log.info("looking after the system accounts of {} partitions {} (of {})", TOPIC, owned, partitionCount);
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

    private static List<Integer> numbersOf(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> partition.topic().equals(TOPIC)).map(TopicPartition::partition)
                .toList();
    }
}
