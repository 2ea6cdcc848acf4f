package io.crosspatch.account.vending;

import io.crosspatch.events.AccountReady;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.architecture.UsedByComponentBenchmarks;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code account.ready} and {@code enrollment.failed} from the beginning in the background, as a
 * downstream consumer would, and keeps every record with when it arrived; tests pick theirs by cloud account. Public
 * for {@code AccountVendingBenchmark} (bench/components/account).
 */
@UsedByComponentBenchmarks
public final class OutcomeTap implements AutoCloseable {

    /** A record as it arrived. */
    public record Seen<V>(String key, V value, long arrivedAtNanos) {}

    private final KafkaConsumer<String, Object> consumer;
    private final Thread poller;
    private final List<Seen<AccountReady>> ready = new CopyOnWriteArrayList<>();
    private final List<Seen<EnrollmentFailed>> failed = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public OutcomeTap() {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(
                Map.of("schema.registry.url", Testbed.shared().schemaRegistry().url()), false);
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Testbed.shared().kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "outcome-tap-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                values);
        consumer.subscribe(List.of(Topics.ACCOUNT_READY.name(), Topics.ENROLLMENT_FAILED.name()));
        poller = new Thread(this::poll, "outcome-tap");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (record.value() instanceof AccountReady value) {
                        ready.add(new Seen<>(record.key(), value, now));
                    } else if (record.value() instanceof EnrollmentFailed value) {
                        failed.add(new Seen<>(record.key(), value, now));
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the poller up to stop it
        } finally {
            consumer.close();
        }
    }

    /** {@code account.ready} records of these cloud account keys. */
    public List<Seen<AccountReady>> ready(Set<String> cloudAccountKeys) {
        return ready.stream()
                .filter(seen -> cloudAccountKeys.contains(seen.key()))
                .toList();
    }

    /** {@code enrollment.failed} records of these enrollments. */
    public List<Seen<EnrollmentFailed>> failed(Set<String> enrollmentIds) {
        return failed.stream()
                .filter(seen -> enrollmentIds.contains(seen.key()))
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5_000);
    }
}
