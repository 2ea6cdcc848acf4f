package io.crosspatch.account.vending.messaging;

import io.crosspatch.account.vending.application.OwnedBuckets;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.messaging.PartitionOwnership;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * The work-list buckets this instance owns: the {@code identity.verified} partitions Kafka assigned to its
 * listener, followed by service-kit's {@link PartitionOwnership}. When the group rebalances, work moves with the
 * partitions.
 */
@Configuration(proxyBeanMethods = false)
class AssignedPartitions {

    /** The bean that makes the ownership the {@code identity.verified} listener's rebalance listener. */
    static final String BEAN = "identityVerifiedPartitionsToOwnership";

    @Bean
    PartitionOwnership identityVerifiedOwnership() {
        return new PartitionOwnership(Topics.IDENTITY_VERIFIED.name());
    }

    @Bean(BEAN)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>>
            identityVerifiedPartitionsToOwnership(PartitionOwnership identityVerifiedOwnership) {
        return identityVerifiedOwnership.onContainer();
    }

    @Bean
    OwnedBuckets ownedBuckets(PartitionOwnership identityVerifiedOwnership) {
        return identityVerifiedOwnership::partitions;
    }
}
