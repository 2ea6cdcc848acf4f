package io.crosspatch.patching.activation.messaging;

import io.crosspatch.patching.systemaccount.messaging.AccountOwnership;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Hands the {@code account.ready} listener's partition assignments to {@link AccountOwnership}, which decides the
 * system accounts this instance sweeps on a schedule.
 */
@Configuration
public class AccountOwnershipTracking {

    static final String BEAN = "accountReadyPartitionsToOwnership";

    @Bean(BEAN)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> accountReadyPartitionsToOwnership(
            AccountOwnership ownership) {
        return container -> container.getContainerProperties().setConsumerRebalanceListener(ownership);
    }
}
