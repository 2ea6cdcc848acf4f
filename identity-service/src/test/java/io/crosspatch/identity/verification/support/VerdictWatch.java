package io.crosspatch.identity.verification.support;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Watches, from the moment it is opened, the verifier's verdicts ({@code identity.verified}, {@code enrollment.failed})
 * and the dead letters of {@code enrollment.requested} and of its retry topic, noting when each verdict arrived — so a
 * test can bound how long an enrollment took and assert that nothing was dead-lettered.
 */
public final class VerdictWatch implements AutoCloseable {

    /** A verdict as the watch saw it arrive. */
    public record Seen(Object event, Instant arrivedAt) {

        public boolean verified() {
            return event instanceof IdentityVerified;
        }

        public String reasonCode() {
            return event instanceof EnrollmentFailed failed ? failed.getReasonCode() : null;
        }
    }

    private static final List<String> TOPICS = List.of(
            Topics.IDENTITY_VERIFIED.name(),
            Topics.ENROLLMENT_FAILED.name(),
            Topics.ENROLLMENT_REQUESTED.deadLetterTopic(),
            "enrollment.requested.retry.DLT");

    private final KafkaConsumer<String, Object> consumer;
    private final Map<String, Seen> verdicts = new ConcurrentHashMap<>();
    private final Map<String, List<Seen>> allVerdicts = new ConcurrentHashMap<>();
    private final List<String> deadLettered = new ArrayList<>();

    private VerdictWatch(KafkaConsumer<String, Object> consumer) {
        this.consumer = consumer;
    }

    public static VerdictWatch open() {
        KafkaConsumer<String, Object> consumer = consumer();
        Set<String> existing = consumer.listTopics().keySet();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            if (existing.contains(topic)) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new VerdictWatch(consumer);
    }

    /** Waits until every one of {@code enrollmentIds} has a verdict; answers them by enrollment id. */
    public Map<String, Seen> awaitVerdicts(Collection<String> enrollmentIds, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ZERO).until(() -> {
            poll();
            return verdicts.keySet().containsAll(enrollmentIds);
        });
        Map<String, Seen> answer = new HashMap<>();
        enrollmentIds.forEach(id -> answer.put(id, verdicts.get(id)));
        return answer;
    }

    /** Reads what has arrived so far (for a short while) and answers whether {@code enrollmentId} has a verdict. */
    public boolean hasVerdict(String enrollmentId) {
        poll();
        return verdicts.containsKey(enrollmentId);
    }

    /** How many verdicts each enrollment got (so a test can see that none was published twice or in conflict). */
    public int verdictCount(String enrollmentId) {
        poll();
        return allVerdicts.getOrDefault(enrollmentId, List.of()).size();
    }

    /** The enrollment ids dead-lettered since the watch was opened. */
    public List<String> deadLettered() {
        poll();
        return List.copyOf(deadLettered);
    }

    private void poll() {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
            Instant now = Instant.now();
            if (record.topic().endsWith(".DLT")) {
                deadLettered.add(record.key());
            } else if (record.value() instanceof IdentityVerified event) {
                note(event.getEnrollmentId(), new Seen(event, now));
            } else if (record.value() instanceof EnrollmentFailed event) {
                note(event.getEnrollmentId(), new Seen(event, now));
            }
        }
    }

    private void note(String enrollmentId, Seen seen) {
        verdicts.putIfAbsent(enrollmentId, seen);
        allVerdicts.computeIfAbsent(enrollmentId, id -> new ArrayList<>()).add(seen);
    }

    private static KafkaConsumer<String, Object> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "verdict-watch-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put("schema.registry.url", Testbed.shared().schemaRegistry().url());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
