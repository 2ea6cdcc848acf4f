package io.crosspatch.servicekit.ownership;

import java.util.Set;

/**
 * The share of a keyed topic's work this instance owns: the partitions Kafka assigned to its consumer, and so the
 * keys that fall in them. Scheduled work (sweeps of accounts, a work-list of buckets) is split between a service's
 * instances the way Kafka splits the partitions — each instance does its share, and a rebalance moves the work with
 * the partition — instead of every instance doing everything. Kafka-free, so an application service may depend on
 * it; the one implementation is service-kit's {@code messaging.PartitionOwnership}, fed by the consumer's rebalances.
 */
public interface OwnedPartitions {

    /** The partition numbers owned now; empty before the first assignment. */
    Set<Integer> partitions();

    /** Whether the key's partition (the producer's default partitioner's choice) is owned now. */
    boolean owns(String key);
}
