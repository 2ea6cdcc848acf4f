package io.crosspatch.servicekit.messaging;

import io.crosspatch.schemas.serde.AvroSerializer;
import io.crosspatch.schemas.serde.IncompatibleSchemaException;
import io.crosspatch.schemas.serde.PoisonPayloadException;
import io.crosspatch.schemas.serde.SchemaNotRegisteredException;
import io.crosspatch.schemas.serde.SchemaRegistryUnavailableException;
import io.crosspatch.schemas.topics.TopicDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error-handling set-up every Crosspatch service uses, and the declaration of every topic.
 *
 * <p>A failed record is retried with a bounded exponential back-off, then published with its original bytes
 * to {@code <topic>.DLT} on the same partition, and the consumer moves on — unless it failed because the platform's
 * own infrastructure is out ({@link InfrastructureOutage}): then it is retried, without limit, until that ends. Poison records (bytes the serde
 * can never read, values that break the contract) skip the retries. The registry being unreachable is the
 * one serde failure that is retried, which is why {@link DeserializationException} itself is left
 * unclassified and the classifier looks at its cause.
 *
 * <p>Besides Spring's {@code kafka_dlt-*} headers (which name the wrappers Spring puts around a failure), a
 * dead letter carries {@link DeadLetterHeaders} naming the root cause, which is what an operator needs.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    KafkaAdmin.NewTopics crosspatchTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicDeclarations.all(properties.replicationFactor()).toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler crosspatchErrorHandler(KafkaProperties kafkaProperties, MessagingProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                deadLetterTemplate(kafkaProperties),
                (record, exception) ->
                        new TopicPartition(record.topic() + TopicDefinition.DEAD_LETTER_SUFFIX, record.partition()));
        recoverer.setHeadersFunction((record, exception) -> DeadLetterHeaders.describing(exception));
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxAttempts(properties.retryMaxAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // An outage of Cassandra, Kafka or the registry is no fault of the record: retry it until the outage ends
        // instead of dead-lettering it after the bounded back-off (a change of failure starts the choice afresh).
        ExponentialBackOff untilRecovered =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        untilRecovered.setMaxInterval(properties.retryMaxInterval().toMillis());
        handler.setBackOffFunction((record, failure) -> InfrastructureOutage.isOutage(failure) ? untilRecovered : null);
        handler.setResetStateOnExceptionChange(true);
        handler.removeClassification(DeserializationException.class);
        handler.addNotRetryableExceptions(
                PoisonPayloadException.class,
                IncompatibleSchemaException.class,
                SchemaNotRegisteredException.class,
                NonRetryableEventException.class);
        handler.addRetryableExceptions(SchemaRegistryUnavailableException.class);
        handler.setRetryListeners((record, exception, attempt) -> log.warn(
                "record {}-{}@{} failed (attempt {}): {}",
                record.topic(),
                record.partition(),
                record.offset(),
                attempt,
                exception == null ? null : exception.getMessage()));
        return handler;
    }

    /**
     * Dead letters keep the bytes they arrived with when they could not be deserialized (the recoverer takes
     * them from the deserialization exception); records that were read but failed in the listener are written
     * back in Avro, under the dead-letter topic's own subject.
     */
    private static KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        AvroSerializer<SpecificRecord> avro = new AvroSerializer<>();
        avro.configure(config, false);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, avro);
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        return new KafkaTemplate<>(factory);
    }
}
