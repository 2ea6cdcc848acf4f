package io.crosspatch.account.vending.messaging;

import io.crosspatch.account.vending.application.OwnedBuckets;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The work-list buckets this instance owns: the {@code identity.verified} partitions Kafka assigned to its
 * listener. When the group rebalances, work moves with the partitions.
 */
@Component
public class AssignedPartitions implements OwnedBuckets {

    private final KafkaListenerEndpointRegistry registry;

    public AssignedPartitions(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Set<Integer> owned() {
        MessageListenerContainer container = registry.getListenerContainer(IdentityVerifiedListener.ID);
        if (container == null || !container.isRunning() || container.getAssignedPartitions() == null) {
            return Set.of();
        }
        return container.getAssignedPartitions().stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
