package io.crosspatch.bench.baseline;

import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.bench.report.Section;
import io.crosspatch.schemas.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the platform's Kafka broker takes from one producer configured as the services' are (acks=all, idempotent,
 * linger 5 ms — service-kit's {@code crosspatch-defaults.yml}), into a fresh topic with as many partitions as
 * {@code enrollment.requested}, with values the size of an enrollment request. The storm's figures are divided by
 * this one, so they say how much of the machine's own Kafka ceiling the pipeline reaches.
 */
public final class KafkaProducerBaseline {

    /** Records sent before the clock starts: connections, metadata, the producer id, JIT. */
    private static final int WARM_UP_RECORDS = 2_000;
    /**
     * Records awaiting their acknowledgement at most. Unbounded, the whole run sits in the producer's 32 MB buffer
     * and "latency" is only the queue's depth; a bound of a few MB keeps the broker saturated and the latency real.
     */
    static final int IN_FLIGHT_RECORDS = 1_000;

    /** The figures the ratios need. */
    public record Result(long records, int recordBytes, double recordsPerSecond, double megabytesPerSecond) {}

    private final String bootstrapServers;

    public KafkaProducerBaseline(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Result run(int records, int recordBytes, Section section) throws Exception {
        String topic = "bench.baseline." + UUID.randomUUID();
        int partitions = Topics.ENROLLMENT_REQUESTED.partitions();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
                byte[] value = new byte[recordBytes];
                new Random(42).nextBytes(value); // incompressible, and the services do not compress either
                send(producer, topic, value, WARM_UP_RECORDS, new Latencies());
                Latencies latencies = new Latencies();
                long started = System.nanoTime();
                send(producer, topic, value, records, latencies);
                double seconds = (System.nanoTime() - started) / 1e9;
                Result result = new Result(
                        records, recordBytes, records / seconds, (double) records * recordBytes / seconds / 1e6);
                section.figure("records", records, "records")
                        .figure("record size", recordBytes, "bytes")
                        .figure("partitions", partitions, "partitions")
                        .figure("in flight", IN_FLIGHT_RECORDS, "records")
                        .figure("elapsed", seconds, "s")
                        .figure("throughput", result.recordsPerSecond(), "records/s")
                        .figure("throughput (bytes)", result.megabytesPerSecond(), "MB/s")
                        .figures("send→ack ", latencies.summaryMillis(), "ms")
                        .note("One producer with the services' settings (acks=all, enable.idempotence, linger.ms 5, no "
                                + "compression), random (incompressible) values, keys like enrollment ids, at most "
                                + IN_FLIGHT_RECORDS + " records unacknowledged at once; " + WARM_UP_RECORDS
                                + " records sent first, not counted. Latency is from send() to the acknowledgement "
                                + "callback.");
                return result;
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void send(
            KafkaProducer<String, byte[]> producer, String topic, byte[] value, int count, Latencies latencies)
            throws InterruptedException {
        CountDownLatch acknowledged = new CountDownLatch(count);
        Semaphore inFlight = new Semaphore(IN_FLIGHT_RECORDS);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            long sent = System.nanoTime();
            producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value), (metadata, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                    failure.compareAndSet(null, error);
                } else {
                    latencies.recordSince(sent);
                }
                inFlight.release();
                acknowledged.countDown();
            });
        }
        if (!acknowledged.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge " + acknowledged.getCount() + " records in 10 min");
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failures.get() + " of " + count + " sends failed", failure.get());
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-baseline");
        return config;
    }
}
