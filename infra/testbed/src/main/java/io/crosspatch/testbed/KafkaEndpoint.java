package io.crosspatch.testbed;

/**
 * A running Kafka broker as the tests see it: only where to connect. Hides whether it is a forked broker (the
 * default, no Docker needed) or a container (where a Docker engine answers).
 */
public interface KafkaEndpoint extends AutoCloseable {

    /** The {@code bootstrap.servers} value, e.g. {@code 127.0.0.1:39093}. */
    String bootstrapServers();

    /** Stops the broker; its data is gone afterwards. */
    @Override
    void close();
}
