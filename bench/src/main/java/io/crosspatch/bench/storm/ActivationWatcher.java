package io.crosspatch.bench.storm;

import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees each enrollment's progress and end from Kafka rather than by polling thousands of statuses (a load that would itself slow
 * identity-service and distort the figure): reads {@code instance.activated} (stage ACTIVATION_ISSUED — the event the
 * status view turns into "here is your activation") and {@code enrollment.failed}, decoded with the project's Avro
 * deserializer, and notes when each enrollment id's first such record arrived. Reads committed records only, as the
 * services do, from the topics' beginning in a group of its own, so nothing published before {@link #start} is missed.
 * It also keeps each enrollment's event times on {@code enrollment.requested}, {@code identity.verified} and
 * {@code account.ready}, for a breakdown of where the time goes.
 */
public final class ActivationWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivationWatcher.class);

    /** An activation seen: when it arrived here ({@code System.nanoTime()}, and epoch ms) and in which system account. */
    public record Activated(long seenNanos, long seenEpochMillis, String systemAccountId) {}

    /** A failure seen: when, at which stage, why. */
    public record Failed(long seenNanos, String stage, String reasonCode) {}

    /** The stages whose events carry the enrollment id, in flow order, for the per-stage breakdown. */
    public enum Stage {
        REQUESTED,
        VERIFIED,
        ACCOUNT_READY,
        ACTIVATION_ISSUED
    }

    private final KafkaConsumer<String, Object> consumer;
    /** Per enrollment id, each stage's event time (its {@code occurredAt}, epoch ms; 0 while not seen). */
    private final Map<String, long[]> stageTimes = new ConcurrentHashMap<>();

    private final Map<String, Activated> activated = new ConcurrentHashMap<>();
    private final Map<String, Failed> failed = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ActivationWatcher(Map<String, String> infrastructure) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.get("spring.kafka.bootstrap-servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-storm-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put("schema.registry.url", infrastructure.get("crosspatch.schema-registry.url"));
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(List.of(
                Topics.ENROLLMENT_REQUESTED.name(),
                Topics.IDENTITY_VERIFIED.name(),
                Topics.ACCOUNT_READY.name(),
                Topics.INSTANCE_ACTIVATED.name(),
                Topics.ENROLLMENT_FAILED.name()));
        this.thread = new Thread(this::loop, "storm-activation-watcher");
        thread.setDaemon(true);
    }

    /** @param infrastructure the testbed's Spring properties (bootstrap servers, registry url) */
    public static ActivationWatcher start(Map<String, String> infrastructure) {
        ActivationWatcher watcher = new ActivationWatcher(infrastructure);
        watcher.thread.start();
        return watcher;
    }

    public Optional<Activated> activated(String enrollmentId) {
        return Optional.ofNullable(activated.get(enrollmentId));
    }

    public Optional<Failed> failed(String enrollmentId) {
        return Optional.ofNullable(failed.get(enrollmentId));
    }

    /**
     * When each stage's event of this enrollment was produced (epoch ms, by the producing service's clock — the same
     * machine's), 0 for a stage not seen; indexed by {@link Stage#ordinal()}.
     */
    public long[] stageTimes(String enrollmentId) {
        return stageTimes
                .getOrDefault(enrollmentId, new long[Stage.values().length])
                .clone();
    }

    /** Whether this enrollment has ended one way or the other. */
    public boolean settled(String enrollmentId) {
        return activated.containsKey(enrollmentId) || failed.containsKey(enrollmentId);
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    long seen = System.nanoTime();
                    if (record.value() instanceof EnrollmentRequested event) {
                        stage(event.getEnrollmentId(), Stage.REQUESTED, event.getOccurredAt());
                    } else if (record.value() instanceof IdentityVerified event) {
                        stage(event.getEnrollmentId(), Stage.VERIFIED, event.getOccurredAt());
                    } else if (record.value() instanceof AccountReady event) {
                        stage(event.getEnrollmentId(), Stage.ACCOUNT_READY, event.getOccurredAt());
                    } else if (record.value() instanceof InstanceActivated event
                            && event.getStage() == ActivationStage.ACTIVATION_ISSUED) {
                        stage(event.getEnrollmentId(), Stage.ACTIVATION_ISSUED, event.getOccurredAt());
                        activated.putIfAbsent(
                                event.getEnrollmentId(),
                                new Activated(seen, System.currentTimeMillis(), event.getSystemAccountId()));
                    } else if (record.value() instanceof EnrollmentFailed event) {
                        failed.putIfAbsent(
                                event.getEnrollmentId(),
                                new Failed(seen, event.getStage().name(), event.getReasonCode()));
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll up
        } catch (RuntimeException e) {
            log.error("The storm's watcher stopped reading Kafka; the enrollments still open will time out", e);
        } finally {
            consumer.close();
        }
    }

    /** Keeps the first time a stage was seen: a redelivered or republished event does not move it. */
    private void stage(String enrollmentId, Stage stage, Instant occurredAt) {
        long[] times = stageTimes.computeIfAbsent(enrollmentId, id -> new long[Stage.values().length]);
        synchronized (times) {
            if (times[stage.ordinal()] == 0) {
                times[stage.ordinal()] = occurredAt.toEpochMilli();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
