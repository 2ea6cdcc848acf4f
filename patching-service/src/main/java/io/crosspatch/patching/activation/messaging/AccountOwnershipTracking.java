package io.crosspatch.patching.activation.messaging;

import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.messaging.PartitionOwnership;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Which system accounts this instance looks after on a schedule (registrations, audits, compliance): those whose
 * cloud account key falls in an {@code account.ready} partition assigned to this instance's listener. Several
 * patching-service instances then split the accounts between them the way Kafka splits the partitions, instead of
 * each sweeping every account (which multiplied the AWS calls and let two instances publish the same registration or
 * compliance state). account-service publishes {@code account.ready} keyed by the cloud account key with the plain
 * string serializer, so the key's partition is the producer's default one, as {@link PartitionOwnership} assumes.
 */
@Configuration(proxyBeanMethods = false)
class AccountOwnershipTracking {

    static final String BEAN = "accountReadyPartitionsToOwnership";

    @Bean
    PartitionOwnership accountReadyOwnership() {
        return new PartitionOwnership(Topics.ACCOUNT_READY.name());
    }

    @Bean(BEAN)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>>
            accountReadyPartitionsToOwnership(PartitionOwnership accountReadyOwnership) {
        return accountReadyOwnership.onContainer();
    }
}
