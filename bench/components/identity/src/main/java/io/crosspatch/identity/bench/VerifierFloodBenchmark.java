package io.crosspatch.identity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.identity.IdentityServiceApplication;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.challenge.persistence.ChallengeRepository;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Identities;
import io.crosspatch.identity.verification.support.SimulatedClouds;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import io.crosspatch.testbed.Testbed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: does a flood of forged tokens slow down everyone else's enrollments? Identity-service (ingress and
 * verifier in one process, default rate limit and JWKS settings) runs against the real testbed and the cloud
 * simulator. Valid enrollments of the four providers in turn (fresh simulated VMs, genuine identities) are posted
 * through the HTTP ingress at a steady rate from 127.0.0.1; each one's time from POST to its {@code identity.verified}
 * is measured. Run once without a flood, then again while {@code bench.sources} (10) sources — each its own
 * loopback address, 127.0.0.2 and up, which is what {@code RateLimitFilter} keys on — post forged GCP tokens (the
 * attacker's own key, a random {@code kid} each) as fast as the per-source rate limit lets them. Reports p50/p99 of
 * both runs and the ratio of the p99s.
 *
 * <pre>mvn -o -pl bench/components/identity exec:java \
 *   -Dexec.mainClass=io.crosspatch.identity.bench.VerifierFloodBenchmark [-Dbench.rate=8 -Dbench.seconds=60 \
 *     -Dbench.serviceArgs="--crosspatch.identity.verifier.concurrency=6"]</pre>
 */
public final class VerifierFloodBenchmark {

    private static final Logger log = LoggerFactory.getLogger(VerifierFloodBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROVIDERS = {"gcp", "azure", "aws", "vmware"};
    private static final int RATE = Integer.getInteger("bench.rate", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 10);
    private static final int SOURCES = Integer.getInteger("bench.sources", 10);
    /** The ingress's default rate limit per source (requests/s) and burst. */
    private static final int SOURCE_RATE = 20;

    private static final int SOURCE_BURST = 40;

    private VerifierFloodBenchmark() {}

    public static void main(String[] args) throws Exception {
        SimulatedClouds clouds = SimulatedClouds.shared();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.io.crosspatch=WARN",
                "--logging.level.io.crosspatch.identity.bench=INFO",
                "--crosspatch.identity.public-url=http://127.0.0.1:8080",
                "--crosspatch.identity.admin.auth.issuer=" + AdminTokens.ISSUER,
                "--crosspatch.identity.admin.auth.audiences=" + AdminTokens.AUDIENCE,
                "--crosspatch.identity.admin.auth.public-key-location=" + AdminTokens.publicKeyLocation()));
        clouds.trustProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(System.getProperty("bench.serviceArgs", "").split(" +")).stream()
                .filter(argument -> !argument.isBlank())
                .toList());
        log.info("service arguments beyond the simulator's trust: {}", System.getProperty("bench.serviceArgs", "none"));
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IdentityServiceApplication.class)
                        .initializers(new TestbedContextInitializer())
                        .run(arguments.toArray(String[]::new));
                Verdicts verdicts = Verdicts.watch()) {
            int port = Objects.requireNonNull(
                            ((WebServerApplicationContext) service).getWebServer(), "no web server started")
                    .getPort();
            Map<String, String> accounts = onboard(service.getBean(CloudAccountRepository.class));
            ChallengeRepository challenges = service.getBean(ChallengeRepository.class);
            ExecutorService pool = Executors.newFixedThreadPool(64);
            try {
                int perRun = RATE * SECONDS;
                List<String> warmUp = mintValid(clouds, challenges, accounts, RATE * WARM_UP_SECONDS, pool);
                List<String> quiet = mintValid(clouds, challenges, accounts, perRun, pool);
                List<String> flooded = mintValid(clouds, challenges, accounts, perRun, pool);
                List<List<String>> forged =
                        mintForged(clouds, SOURCES, SOURCE_BURST + SOURCE_RATE * (SECONDS + WARM_UP_SECONDS + 30));

                post(port, warmUp, verdicts, pool);
                Result withoutFlood = post(port, quiet, verdicts, pool);
                log.info("without flood: {}", withoutFlood);

                Flood flood = Flood.start(port, forged);
                LockSupport.parkNanos(Duration.ofSeconds(WARM_UP_SECONDS).toNanos());
                Result withFlood = post(port, flooded, verdicts, pool);
                flood.stop();
                log.info("with flood:    {}", withFlood);
                log.info(
                        "flood: {} forged enrollments accepted (202) from {} sources, {} refused at the ingress (400), "
                                + "{} rate-limited (429); verdicts seen: {}",
                        flood.accepted(),
                        SOURCES,
                        flood.refused(),
                        flood.limited(),
                        verdicts.rejections());
                log.info(
                        "p99 with flood / without: {} ms / {} ms = {}",
                        withFlood.p99(),
                        withoutFlood.p99(),
                        String.format("%.2f", withFlood.p99() / withoutFlood.p99()));
            } finally {
                pool.shutdownNow();
            }
        }
        System.exit(0);
    }

    // ---- the valid enrollments ----

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
                "tenant-bench-" + provider,
                "bench " + provider,
                "on-time",
                "eu-central-1",
                Set.of(),
                Instant.now())));
        return accounts;
    }

    /** Bodies of {@code count} enrollments of fresh simulated VMs, the four providers in turn. */
    private static List<String> mintValid(
            SimulatedClouds clouds,
            ChallengeRepository challenges,
            Map<String, String> accounts,
            int count,
            ExecutorService pool)
            throws Exception {
        List<Future<String>> minted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String provider = PROVIDERS[i % PROVIDERS.length];
            String account = Objects.requireNonNull(accounts.get(provider), provider);
            minted.add(pool.submit(() -> body(provider, identity(clouds, challenges, provider, account))));
        }
        List<String> bodies = new ArrayList<>();
        for (Future<String> body : minted) {
            bodies.add(body.get());
        }
        return bodies;
    }

    private static Map<String, Object> identity(
            SimulatedClouds clouds, ChallengeRepository challenges, String provider, String account) {
        Map<String, String> extra = provider.equals("aws") ? Map.of("region", "eu-west-1") : Map.of();
        JsonNode vm = clouds.createVm(provider, account, "bench-vm", Map.of(), extra);
        return switch (provider) {
            case "gcp" -> Map.of("token", clouds.gcpIdentity(vm).token());
            case "aws" -> {
                IdentityMaterial.AwsDocument aws = clouds.awsIdentity(vm);
                yield Map.of("pkcs7", aws.pkcs7(), "document", aws.document());
            }
            case "vmware" -> Map.of("token", clouds.vmwareIdentity(vm).token());
            default -> {
                Challenge challenge = Challenge.issue(Instant.now());
                challenges.save(challenge);
                IdentityMaterial.AzureDocument azure = clouds.azureIdentity(vm, challenge.nonce());
                yield Map.of("attestedDocument", azure.attestedDocument(), "nonce", azure.nonce());
            }
        };
    }

    private static String body(String provider, Map<String, Object> identity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", provider);
        body.put("identity", identity);
        body.put(
                "host",
                Map.of(
                        "hostname",
                        "bench-" + UUID.randomUUID().toString().substring(0, 8),
                        "os",
                        Map.of("family", "ubuntu", "version", "22.04")));
        body.put("labels", Map.of("crosspatch-patching", "true"));
        body.put("enrollmentSecret", Identities.secret());
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code bodies} at {@link #RATE} per second and waits for their verdicts. */
    private static Result post(int port, List<String> bodies, Verdicts verdicts, ExecutorService pool)
            throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        long start = System.nanoTime();
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            String body = bodies.get(i);
            posts.add(pool.submit(() -> {
                long sent = System.nanoTime();
                Response response = Http.post(InetAddress.getLoopbackAddress(), port, body);
                String enrollmentId = response.enrollmentId();
                if (response.status() == 202 && enrollmentId != null) {
                    sentAt.put(enrollmentId, sent);
                } else {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!verdicts.verifiedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        long[] latencies = sentAt.entrySet().stream()
                .flatMapToLong(e -> {
                    Long verified = verdicts.verifiedAt.get(e.getKey());
                    return verified == null ? LongStream.empty() : LongStream.of(verified - e.getValue());
                })
                .sorted()
                .toArray();
        return new Result(
                bodies.size(),
                refused.get(),
                sentAt.size() - latencies.length,
                millis(latencies, 0.50),
                millis(latencies, 0.99),
                millis(latencies, 1.0));
    }

    private record Result(int posted, int refused, int notVerified, double p50, double p99, double max) {
        @Override
        public String toString() {
            return String.format(
                    "%d valid enrollments at %d/s: time to VERIFIED p50 %.0f ms, p99 %.0f ms, max %.0f ms "
                            + "(%d refused, %d not verified)",
                    posted, RATE, p50, p99, max, refused, notVerified);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    // ---- the flood ----

    /** Per source, bodies of forged GCP enrollments: a genuine token's claims signed by the attacker, random kid each. */
    private static List<List<String>> mintForged(SimulatedClouds clouds, int sources, int perSource) throws Exception {
        JsonNode victim = clouds.createVm("gcp", SimulatedClouds.anyGcpProject(), "victim-1");
        SignedJWT genuine = SignedJWT.parse(clouds.gcpIdentity(victim).token());
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        RSASSASigner signer = new RSASSASigner(attacker);
        List<List<String>> forged = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            List<String> bodies = new ArrayList<>(perSource);
            for (int i = 0; i < perSource; i++) {
                byte[] kid = new byte[20];
                ThreadLocalRandom.current().nextBytes(kid);
                SignedJWT token = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(HexFormat.of().formatHex(kid))
                                .build(),
                        genuine.getJWTClaimsSet());
                token.sign(signer);
                bodies.add(body("gcp", Map.of("token", token.serialize())));
            }
            forged.add(bodies);
        }
        return forged;
    }

    /** One thread per source address, each posting its forged bodies at the per-source rate limit. */
    private static final class Flood {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger limited = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();

        static Flood start(int port, List<List<String>> forged) throws IOException {
            Flood flood = new Flood();
            for (int s = 0; s < forged.size(); s++) {
                InetAddress source = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + s)});
                List<String> bodies = forged.get(s);
                Thread thread = new Thread(() -> flood.send(source, port, bodies), "flood-" + source.getHostAddress());
                thread.setDaemon(true);
                flood.threads.add(thread);
                thread.start();
            }
            return flood;
        }

        private void send(InetAddress source, int port, List<String> bodies) {
            long interval = TimeUnit.SECONDS.toNanos(1) / SOURCE_RATE;
            long start = System.nanoTime();
            for (int i = 0; i < bodies.size() && running.get(); i++) {
                if (i >= SOURCE_BURST) {
                    LockSupport.parkNanos(start + (i - SOURCE_BURST) * interval - System.nanoTime());
                }
                int status = Http.post(source, port, bodies.get(i)).status();
                (status == 202 ? accepted : status == 400 ? refused : limited).incrementAndGet();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        int accepted() {
            return accepted.get();
        }

        int limited() {
            return limited.get();
        }

        int refused() {
            return refused.get();
        }
    }

    // ---- HTTP from a chosen source address, and the verdicts ----

    /** The answer to one POST: its status, and the enrollment id of an accepted one. */
    private record Response(int status, @Nullable String enrollmentId) {}

    /** A bare HTTP/1.1 POST from a given local address (java.net.http cannot bind one on Java 17). */
    private static final class Http {

        static Response post(InetAddress source, int port, String json) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                socket.setSoTimeout(30_000);
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/enrollments HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(answer.substring(9, 12));
                if (status != 202) {
                    return new Response(status, null);
                }
                JsonNode tree = JSON.readTree(
                        answer.substring(answer.indexOf("\r\n\r\n") + 4).replaceAll("(?s)^[0-9a-f]+\r\n", ""));
                return new Response(status, tree.get("enrollmentId").asText());
            } catch (IOException | RuntimeException e) {
                log.debug("POST from {} failed: {}", source, e.toString());
                return new Response(-1, null);
            }
        }
    }

    /** Reads identity.verified and enrollment.failed from their ends, noting when each enrollment's verdict arrived. */
    private static final class Verdicts implements AutoCloseable {

        private final Map<String, Long> verifiedAt = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread reader;

        private Verdicts() {
            reader = new Thread(this::read, "verdicts");
            reader.setDaemon(true);
        }

        static Verdicts watch() {
            Verdicts verdicts = new Verdicts();
            verdicts.reader.start();
            return verdicts;
        }

        Map<String, Integer> rejections() {
            Map<String, Integer> counts = new HashMap<>();
            rejections.forEach((reason, count) -> counts.put(reason, count.get()));
            return counts;
        }

        private void read() {
            Map<String, Object> config = new HashMap<>();
            config.put(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Testbed.shared().kafka().bootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-verdicts-" + UUID.randomUUID());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put("schema.registry.url", Testbed.shared().schemaRegistry().url());
            AvroDeserializer values = new AvroDeserializer();
            values.configure(config, false);
            try (KafkaConsumer<String, Object> consumer =
                    new KafkaConsumer<>(config, new StringDeserializer(), values)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.IDENTITY_VERIFIED.name(), Topics.ENROLLMENT_FAILED.name())) {
                    for (int p = 0; p < Topics.DEFAULT_PARTITIONS; p++) {
                        partitions.add(new TopicPartition(topic, p));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                while (running.get()) {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        if (record.value() instanceof IdentityVerified verified) {
                            verifiedAt.putIfAbsent(verified.getEnrollmentId(), now);
                        } else if (record.value() instanceof EnrollmentFailed failed) {
                            rejections
                                    .computeIfAbsent(failed.getReasonCode(), reason -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            reader.join();
        }
    }
}
