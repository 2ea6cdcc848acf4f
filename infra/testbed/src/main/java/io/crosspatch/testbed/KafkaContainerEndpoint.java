package io.crosspatch.testbed;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka from Testcontainers' {@code apache/kafka} image, for machines with a Docker engine. The image runs the same
 * Kafka version as the forked broker, with the same test settings that matter to services.
 */
final class KafkaContainerEndpoint implements KafkaEndpoint {

    private static final String IMAGE = "apache/kafka:4.1.2";

    private final KafkaContainer container;

    private KafkaContainerEndpoint(KafkaContainer container) {
        this.container = container;
    }

    static KafkaContainerEndpoint start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "1");
        container.start();
        return new KafkaContainerEndpoint(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
