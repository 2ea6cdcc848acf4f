package io.crosspatch.reporting.bench;

import io.crosspatch.reporting.ReportingServiceApplication;
import io.crosspatch.reporting.support.TestTokens;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.TopicDescription;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The whole reporting-service, started for a benchmark against the JVM's testbed (real Kafka, registry and
 * Cassandra), trusting {@link TestTokens}, on a free port. Settings are passed as command-line arguments so
 * they win over the service's {@code application.yml}.
 */
final class BenchmarkService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    BenchmarkService(Map<String, Object> extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("crosspatch.reporting.auth.public-key-location", TestTokens.publicKeyLocation());
        properties.put("crosspatch.reporting.auth.issuer", TestTokens.ISSUER);
        properties.put("crosspatch.reporting.auth.audiences", TestTokens.AUDIENCE);
        properties.put("logging.level.root", "WARN");
        properties.putAll(extraProperties);
        context = new SpringApplicationBuilder(ReportingServiceApplication.class)
                .initializers(new TestbedContextInitializer())
                .run(properties.entrySet().stream()
                        .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
    }

    /**
     * Waits until every partition of the topic has a leader. Producing into a topic the service has just
     * created gets {@code NOT_LEADER_OR_FOLLOWER} and then, from the idempotent producer's retries,
     * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until the batch expires; a benchmark must start on a settled topic.
     */
    void awaitTopicReady(String topic) {
        KafkaAdmin admin = bean(KafkaAdmin.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(topic).get(topic);
                if (description != null && description.partitions().stream().allMatch(p -> p.leader() != null)) {
                    LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
                    return;
                }
            } catch (KafkaException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer(), "no web server started")
                .getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
