package io.crosspatch.identity.verification.support;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Everything the verifier published about one enrollment: its {@code identity.verified} and
 * {@code enrollment.failed} records (with their keys), read from the testbed's broker once at least
 * {@code expected} verdicts have arrived and both topics have been read to their end — so a test can assert
 * that nothing beyond the expected verdict was published.
 */
public record Verdicts(List<ConsumerRecord<String, Object>> verified, List<ConsumerRecord<String, Object>> failed) {

    public static Verdicts of(String enrollmentId, int expected) {
        List<ConsumerRecord<String, Object>> verified = new ArrayList<>();
        List<ConsumerRecord<String, Object>> failed = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.IDENTITY_VERIFIED.name(), Topics.ENROLLMENT_FAILED.name()));
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof IdentityVerified event
                            && event.getEnrollmentId().equals(enrollmentId)) {
                        verified.add(record);
                    } else if (record.value() instanceof EnrollmentFailed event
                            && event.getEnrollmentId().equals(enrollmentId)) {
                        failed.add(record);
                    }
                }
                return verified.size() + failed.size() >= expected
                        && !consumer.assignment().isEmpty()
                        && consumer.assignment().stream()
                                .allMatch(partition -> consumer.position(partition)
                                        >= consumer.endOffsets(List.of(partition))
                                                .get(partition));
            });
        }
        return new Verdicts(verified, failed);
    }

    public static Verdicts of(String enrollmentId) {
        return of(enrollmentId, 1);
    }

    public IdentityVerified onlyVerified() {
        if (verified.size() != 1 || !failed.isEmpty()) {
            throw new AssertionError("expected exactly one identity.verified and no enrollment.failed, got " + this);
        }
        return (IdentityVerified) verified.get(0).value();
    }

    public EnrollmentFailed onlyFailure() {
        if (failed.size() != 1 || !verified.isEmpty()) {
            throw new AssertionError("expected exactly one enrollment.failed and no identity.verified, got " + this);
        }
        return (EnrollmentFailed) failed.get(0).value();
    }

    private static KafkaConsumer<String, Object> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "verdicts-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put("schema.registry.url", Testbed.shared().schemaRegistry().url());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }
}
