package io.crosspatch.identity.verification.messaging;

import io.crosspatch.identity.role.VerifierRole;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The verifier's own listener container factory: Boot's configuration (serde, the shared error handler with its
 * dead-letter recoverer) plus batch delivery with offsets committed per batch, since {@link EnrollmentRequestedListener}
 * verifies a poll's records side by side; and the retry topic's factory: record mode with manual acknowledgement,
 * since {@link ParkedEnrollmentListener} negatively acknowledges a record that is not due yet. Both keep Boot's
 * error handler. Other listeners of the service keep the default record mode.
 */
@Configuration(proxyBeanMethods = false)
@VerifierRole
class VerifierListenerConfiguration {

    public static final String CONTAINER_FACTORY = "verifierListenerContainerFactory";
    public static final String RETRY_CONTAINER_FACTORY = "verifierRetryListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> verifierListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumerFactory) {
        @SuppressWarnings("unchecked")
        ConsumerFactory<Object, Object> consumers = (ConsumerFactory<Object, Object>) consumerFactory;
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        return factory;
    }

    @Bean(RETRY_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> verifierRetryListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumerFactory) {
        @SuppressWarnings("unchecked")
        ConsumerFactory<Object, Object> consumers = (ConsumerFactory<Object, Object>) consumerFactory;
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(false);
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        return factory;
    }
}
