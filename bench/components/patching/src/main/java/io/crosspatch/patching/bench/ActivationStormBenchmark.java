package io.crosspatch.patching.bench;

import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Benchmark (a main, not a test): 5,000 enrollments across 50 ready system accounts, with the simulator's default
 * rate limits. Measures the time from the first account.ready until the last instance.activated
 * ACTIVATION_ISSUED, and the AWS calls per enrollment (reconciles and STS included).
 *
 * <pre>mvn -o -pl bench/components/patching exec:java \
 *   -Dexec.mainClass=io.crosspatch.patching.bench.ActivationStormBenchmark [-Daccounts=50 -Denrollments=5000]</pre>
 */
public final class ActivationStormBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ActivationStormBenchmark.class);
    private static final int ACCOUNTS = Integer.getInteger("accounts", 50);
    private static final int ENROLLMENTS = Integer.getInteger("enrollments", 5_000);

    private ActivationStormBenchmark() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        try (CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults());
                ConfigurableApplicationContext context = BenchContext.start(simulator)) {
            KafkaTemplate<String, Object> kafka = context.getBean(KafkaTemplate.class);
            List<SystemAccount> accounts = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(Fixtures.anySystemAccount(simulator));
            }
            OperatingSystem[] oses = {
                OperatingSystem.WINDOWS,
                OperatingSystem.UBUNTU,
                OperatingSystem.REDHAT_ENTERPRISE_LINUX,
                OperatingSystem.AMAZON_LINUX_2
            };
            String[] groups = {"early", "on-time", "late"};
            Set<String> expected = new HashSet<>();
            List<AccountReady> events = new ArrayList<>();
            for (int i = 0; i < ENROLLMENTS; i++) {
                AccountReady ready = Fixtures.accountReady(
                        accounts.get(i % ACCOUNTS), oses[i % oses.length], groups[i % groups.length]);
                events.add(ready);
                expected.add(ready.getEnrollmentId());
            }
            simulator.calls().reset();
            long start = System.nanoTime();
            for (AccountReady ready : events) {
                kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(ready.getSystemAccount()), ready);
            }
            kafka.flush();
            long published = System.nanoTime();
            awaitIssued(expected);
            long done = System.nanoTime();
            long calls =
                    simulator.calls().all().stream().mapToLong(c -> c.calls()).sum();
            Map<String, Long> byOperation = new HashMap<>();
            simulator
                    .calls()
                    .all()
                    .forEach(c -> byOperation.merge(c.service() + ":" + c.operation(), c.calls(), Long::sum));
            double seconds = (done - start) / 1e9;
            log.warn(
                    "ActivationStormBenchmark: {} enrollments across {} accounts issued in {} s ({} /s); publishing took {} s",
                    ENROLLMENTS,
                    ACCOUNTS,
                    String.format("%.1f", seconds),
                    String.format("%.0f", ENROLLMENTS / seconds),
                    String.format("%.1f", (published - start) / 1e9));
            log.warn(
                    "ActivationStormBenchmark: {} AWS calls = {} per enrollment; by operation {}",
                    calls,
                    String.format("%.2f", calls / (double) ENROLLMENTS),
                    byOperation);
        }
    }

    /** Waits for an ACTIVATION_ISSUED event of every enrollment of the benchmark. */
    private static void awaitIssued(Set<String> expected) {
        Set<String> seen = new HashSet<>();
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put("schema.registry.url", Testbed.shared().schemaRegistry().url());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.INSTANCE_ACTIVATED.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (seen.size() < expected.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.value() instanceof InstanceActivated event
                            && event.getStage() == ActivationStage.ACTIVATION_ISSUED
                            && expected.contains(event.getEnrollmentId())) {
                        seen.add(event.getEnrollmentId());
                    }
                });
            }
        }
        if (seen.size() < expected.size()) {
            throw new IllegalStateException("only " + seen.size() + " of " + expected.size() + " activations issued");
        }
    }
}
