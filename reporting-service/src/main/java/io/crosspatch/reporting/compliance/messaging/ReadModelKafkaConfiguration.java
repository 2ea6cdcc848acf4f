package io.crosspatch.reporting.compliance.messaging;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The batch listener containers of the read model. Boot's configurer applies every {@code spring.kafka.*}
 * setting and the service kit's one error handler; only batch mode and batch acknowledgement are added, so the
 * offsets of a poll are committed after the whole poll is stored.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelKafkaConfiguration {

    /** Name of the batch container factory. */
    public static final String BATCH_FACTORY = "readModelBatchFactory";

    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> readModelBatchFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        return factory;
    }
}
