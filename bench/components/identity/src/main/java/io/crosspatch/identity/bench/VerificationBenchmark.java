package io.crosspatch.identity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.identity.IdentityServiceApplication;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.challenge.persistence.ChallengeRepository;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.identity.verification.application.VerificationService;
import io.crosspatch.identity.verification.domain.RequestedEnrollment;
import io.crosspatch.identity.verification.domain.VerificationOutcome;
import io.crosspatch.identity.verification.messaging.EnrollmentRequests;
import io.crosspatch.identity.verification.support.Enrollments;
import io.crosspatch.identity.verification.support.SimulatedClouds;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Verifications per second for a mix of all four providers (a main, not a test): identities of simulated VMs are
 * minted first (genuine tokens and documents, Azure nonces issued), then verified (1) in-process through
 * {@link VerificationService} from several threads — signature checks plus the Cassandra reads and lightweight
 * transactions (account lookup, nonce, jti, trust on first use) — and (2) end to end through Kafka: records
 * produced to {@code enrollment.requested}, verdicts read back from {@code identity.verified}.
 *
 * <pre>mvn -o -pl bench/components/identity exec:java \
 *   -Dexec.mainClass=io.crosspatch.identity.bench.VerificationBenchmark [-Dbench.count=2000 -Dbench.threads=8]</pre>
 */
public final class VerificationBenchmark {

    private static final Logger log = LoggerFactory.getLogger(VerificationBenchmark.class);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final String[] PROVIDERS = {"gcp", "azure", "aws", "vmware"};

    private VerificationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.count", 2000);
        SimulatedClouds clouds = SimulatedClouds.shared();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.io.crosspatch=WARN",
                "--crosspatch.identity.public-url=http://127.0.0.1:8080",
                "--crosspatch.identity.verifier.group-id=bench-verifier-" + UUID.randomUUID()));
        clouds.trustProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        TestJwtIssuer.trustProperties("crosspatch.identity.admin.auth", "crosspatch-identity")
                .forEach((name, value) -> arguments.add("--" + name + "=" + value));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityServiceApplication.class)
                .initializers(new TestbedContextInitializer())
                .run(arguments.toArray(String[]::new))) {
            Map<String, String> accounts = onboard(context.getBean(CloudAccountRepository.class));
            ChallengeRepository challenges = context.getBean(ChallengeRepository.class);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                VerificationService service = context.getBean(VerificationService.class);
                inProcess(service, mint(clouds, challenges, accounts, count / 5, pool), pool, "warm-up");
                List<EnrollmentRequested> measured = mint(clouds, challenges, accounts, count, pool);
                signaturesOnly(context.getBeansOfType(ProviderVerifier.class).values(), measured, pool);
                inProcess(service, measured, pool, "in-process");
                @SuppressWarnings("unchecked")
                KafkaTemplate<String, Object> kafka = context.getBean(KafkaTemplate.class);
                throughKafka(kafka, mint(clouds, challenges, accounts, count, pool));
            } finally {
                pool.shutdownNow();
            }
        }
        System.exit(0);
    }

    private static Map<String, String> onboard(CloudAccountRepository repository) {
        Map<String, String> accounts = Map.of(
                "gcp",
                SimulatedClouds.anyGcpProject(),
                "azure",
                SimulatedClouds.anyAzureSubscription(),
                "aws",
                SimulatedClouds.anyAwsAccount(),
                "vmware",
                SimulatedClouds.VMWARE_ORG);
        accounts.forEach((provider, id) -> repository.save(new CloudAccount(
                provider,
                id,
                "tenant-bench",
                "bench " + provider,
                "on-time",
                "eu-central-1",
                Set.of(),
                Instant.now())));
        return accounts;
    }

    /** {@code count} enrollments of fresh VMs, the providers in turn, minted in parallel. */
    private static List<EnrollmentRequested> mint(
            SimulatedClouds clouds,
            ChallengeRepository challenges,
            Map<String, String> accounts,
            int count,
            ExecutorService pool)
            throws Exception {
        long started = System.nanoTime();
        List<Future<EnrollmentRequested>> minted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String provider = PROVIDERS[i % PROVIDERS.length];
            String account = Objects.requireNonNull(accounts.get(provider), provider);
            minted.add(pool.submit(() -> Enrollments.requested(
                    Enrollments.anyEnrollmentId(), identity(clouds, challenges, provider, account))));
        }
        List<EnrollmentRequested> requests = new ArrayList<>(count);
        for (Future<EnrollmentRequested> request : minted) {
            requests.add(request.get());
        }
        log.warn("minted {} identities in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        return requests;
    }

    private static IdentityMaterial identity(
            SimulatedClouds clouds, ChallengeRepository challenges, String provider, String account) {
        Map<String, String> extra = provider.equals("aws") ? Map.of("region", "eu-west-1") : Map.of();
        JsonNode vm = clouds.createVm(provider, account, "bench-vm", Map.of(), extra);
        return switch (provider) {
            case "gcp" -> clouds.gcpIdentity(vm);
            case "aws" -> clouds.awsIdentity(vm);
            case "vmware" -> clouds.vmwareIdentity(vm);
            default -> {
                Challenge challenge = Challenge.issue(Instant.now());
                challenges.save(challenge);
                yield clouds.azureIdentity(vm, challenge.nonce());
            }
        };
    }

    private static void inProcess(
            VerificationService service, List<EnrollmentRequested> requests, ExecutorService pool, String phase)
            throws Exception {
        ConcurrentLinkedQueue<EnrollmentRequested> queue = new ConcurrentLinkedQueue<>(requests);
        long[] latencies = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                EnrollmentRequested record;
                while ((record = queue.poll()) != null) {
                    long begin = System.nanoTime();
                    RequestedEnrollment request = EnrollmentRequests.toDomain(record);
                    if (service.verify(request) instanceof VerificationOutcome.Rejected) {
                        rejected.incrementAndGet();
                    }
                    latencies[next.getAndIncrement()] = System.nanoTime() - begin;
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        log.warn(
                "{}: {} verifications (4 providers in turn) in {} s = {} /s; p50 {} ms, p99 {} ms; rejected {}",
                phase,
                requests.size(),
                String.format("%.2f", seconds),
                String.format("%.0f", requests.size() / seconds),
                String.format("%.1f", latencies[latencies.length / 2] / 1e6),
                String.format("%.1f", latencies[(int) (latencies.length * 0.99)] / 1e6),
                rejected.get());
    }

    /** The provider checks alone (signatures, chains, claims; JWKS cached), without Cassandra: the CPU share. */
    private static void signaturesOnly(
            Collection<ProviderVerifier> verifiers, List<EnrollmentRequested> requests, ExecutorService pool)
            throws Exception {
        Map<CloudProvider, ProviderVerifier> byProvider = new EnumMap<>(CloudProvider.class);
        verifiers.forEach(verifier -> byProvider.put(verifier.provider(), verifier));
        ConcurrentLinkedQueue<EnrollmentRequested> queue = new ConcurrentLinkedQueue<>(requests);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                EnrollmentRequested record;
                while ((record = queue.poll()) != null) {
                    IdentityMaterial identity =
                            EnrollmentRequests.toDomain(record).request().identity();
                    Objects.requireNonNull(byProvider.get(identity.provider()), identity.provider() + " verifier")
                            .verify(identity, Instant.now());
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.warn(
                "provider checks only (no Cassandra): {} identities in {} s = {} /s",
                requests.size(),
                String.format("%.2f", seconds),
                String.format("%.0f", requests.size() / seconds));
    }

    private static void throughKafka(KafkaTemplate<String, Object> kafka, List<EnrollmentRequested> requests)
            throws Exception {
        Set<String> pending = ConcurrentHashMap.newKeySet();
        requests.forEach(request -> pending.add(request.getEnrollmentId()));
        int rejected = 0;
        try (KafkaConsumer<String, Object> consumer = verdictConsumer()) {
            consumer.subscribe(List.of(Topics.IDENTITY_VERIFIED.name(), Topics.ENROLLMENT_FAILED.name()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            long started = System.nanoTime();
            for (EnrollmentRequested request : requests) {
                kafka.send(Topics.ENROLLMENT_REQUESTED.name(), request.getEnrollmentId(), request);
            }
            kafka.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                    String id = record.value() instanceof IdentityVerified verified
                            ? verified.getEnrollmentId()
                            : record.value() instanceof EnrollmentFailed failed ? failed.getEnrollmentId() : null;
                    if (id != null && pending.remove(id) && record.value() instanceof EnrollmentFailed) {
                        rejected++;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            log.warn(
                    "through Kafka: {} enrollments produced and their verdicts consumed in {} s = {} /s; rejected {}; missing {}",
                    requests.size(),
                    String.format("%.2f", seconds),
                    String.format("%.0f", (requests.size() - pending.size()) / seconds),
                    rejected,
                    pending.size());
        }
    }

    private static KafkaConsumer<String, Object> verdictConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-verdicts-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put("schema.registry.url", Testbed.shared().schemaRegistry().url());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }
}
