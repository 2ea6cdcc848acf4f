package io.crosspatch.account.vending.bench;

import io.crosspatch.account.AccountServiceApplication;
import io.crosspatch.account.vending.Enrollments;
import io.crosspatch.account.vending.OutcomeTap;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Not a test: measures (1) how long 1,000 new cloud accounts take from {@code identity.verified} to
 * {@code account.ready} when Organizations creates accounts instantly, and (2) the {@code account.ready} rate for
 * enrollments of cloud accounts whose system account is already ready. Runs the service as in production (its
 * own Spring application, defaults except the pacing named below) against the real Kafka, Cassandra and registry
 * of a testbed and an in-process cloud simulator with its rate limits off.
 *
 * <pre>mvn -o -pl bench/components/account exec:java \
 *   -Dexec.mainClass=io.crosspatch.account.vending.bench.AccountVendingBenchmark</pre>
 */
public final class AccountVendingBenchmark {

    private static final Logger log = LoggerFactory.getLogger(AccountVendingBenchmark.class);
    private static final int NEW_ACCOUNTS = Integer.getInteger("bench.accounts", 1_000);
    private static final int READY_ENROLLMENTS = Integer.getInteger("bench.readyEnrollments", 5_000);

    private AccountVendingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Testbed.shared();
        try (CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults()
                        .accountCreationDuration(Duration.ZERO)
                        .rateLimitsEnabled(false));
                OutcomeTap tap = new OutcomeTap();
                ConfigurableApplicationContext service = startService(simulator)) {
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, Object> kafka = service.getBean(KafkaTemplate.class);
            List<CloudAccountKey> accounts = new ArrayList<>();
            for (int i = 0; i < NEW_ACCOUNTS; i++) {
                accounts.add(Enrollments.anyGcpAccount("bench"));
            }
            Set<String> keys = accounts.stream().map(CloudAccountKey::toString).collect(Collectors.toSet());

            long start = System.nanoTime();
            sendAll(
                    kafka,
                    accounts.stream()
                            .map(key -> Enrollments.verified(key, "enr-" + UUID.randomUUID()))
                            .toList());
            waitFor(() -> tap.ready(keys).size() >= NEW_ACCOUNTS, Duration.ofMinutes(30));
            double creationSeconds = (System.nanoTime() - start) / 1e9;

            List<IdentityVerified> more = new ArrayList<>();
            for (int i = 0; i < READY_ENROLLMENTS; i++) {
                more.add(Enrollments.verified(accounts.get(i % accounts.size()), "enr-" + UUID.randomUUID()));
            }
            long readyStart = System.nanoTime();
            sendAll(kafka, more);
            waitFor(() -> tap.ready(keys).size() >= NEW_ACCOUNTS + READY_ENROLLMENTS, Duration.ofMinutes(30));
            double readySeconds = (System.nanoTime() - readyStart) / 1e9;

            log.info(
                    "BENCHMARK {} new cloud accounts ready in {} s ({} accounts/s); CreateAccount calls {}",
                    NEW_ACCOUNTS,
                    String.format("%.1f", creationSeconds),
                    String.format("%.1f", NEW_ACCOUNTS / creationSeconds),
                    simulator.calls().count("organizations", "CreateAccount"));
            log.info(
                    "BENCHMARK {} enrollments of ready accounts answered in {} s: {} account.ready/s",
                    READY_ENROLLMENTS,
                    String.format("%.1f", readySeconds),
                    String.format("%.0f", READY_ENROLLMENTS / readySeconds));
        }
        System.exit(0);
    }

    private static void sendAll(KafkaTemplate<String, Object> kafka, List<IdentityVerified> events) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (IdentityVerified event : events) {
            String key = Providers.accountKey(
                            event.getIdentity().getProvider(),
                            event.getIdentity().getCloudAccountId())
                    .toString();
            sends.add(kafka.send(Topics.IDENTITY_VERIFIED.name(), key, event));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark did not finish within " + limit);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static ConfigurableApplicationContext startService(CloudSimulator simulator) throws InterruptedException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("crosspatch.aws.endpoint", simulator.endpoint().toString());
        properties.put(
                "crosspatch.aws.access-key-id",
                simulator.managementCredentials().accessKeyId());
        properties.put(
                "crosspatch.aws.secret-access-key",
                simulator.managementCredentials().secretAccessKey());
        properties.put("crosspatch.cassandra.keyspace", "account_bench_" + Long.toHexString(System.nanoTime()));
        properties.put("crosspatch.cassandra.schema-location", "classpath*:cassandra/crosspatch_account/*.cql");
        properties.put("spring.kafka.consumer.group-id", "account-bench-" + UUID.randomUUID());
        properties.put("server.port", "0");
        properties.putAll(TestJwtIssuer.trustProperties("crosspatch.operator.auth", "crosspatch-account"));
        // Pacing for an Organizations that creates instantly and does not throttle: still at most 5 in progress.
        properties.put("crosspatch.accounts.create-account-rate-per-second", "1000");
        properties.put("crosspatch.accounts.create-account-burst", "50");
        properties.put("crosspatch.accounts.poll-backoff-initial", "20ms");
        properties.put("crosspatch.accounts.driver-interval", "20ms");
        properties.put("crosspatch.accounts.concurrency", "16");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AccountServiceApplication.class)
                .initializers(
                        new TestbedContextInitializer(),
                        benchmark -> benchmark
                                .getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource("benchmark", properties)))
                .run();
        KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
        waitFor(
                () -> listeners.getListenerContainers().stream()
                        .allMatch(container -> container.getAssignedPartitions() != null
                                && container.getAssignedPartitions().size() == Topics.IDENTITY_VERIFIED.partitions()),
                Duration.ofMinutes(1));
        return context;
    }
}
