package io.crosspatch.identity.bench;

import io.crosspatch.identity.IdentityServiceApplication;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.Enrollments;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Not a test: accepted enrollments per second at the ingress and the latency of {@code POST /v1/enrollments}, with
 * many concurrent HTTP clients sending a mix of the four providers' material, each enrollment claimed in Cassandra
 * (a lightweight transaction) and acknowledged by the real Kafka broker before its 202. The ingress runs alone (as
 * under the {@code ingress} profile), with the rate limit out of the way. Client, service, broker and Cassandra
 * share the machine's cores, so this is a floor.
 *
 * <pre>mvn -o -pl bench/components/identity exec:java \
 *   -Dexec.mainClass=io.crosspatch.identity.bench.IngressThroughputBenchmark</pre>
 */
public final class IngressThroughputBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IngressThroughputBenchmark.class);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 16_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);

    private IngressThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IdentityServiceApplication.class)
                .initializers(new TestbedContextInitializer())
                .run(
                        "--server.port=0",
                        "--crosspatch.identity.verifier.enabled=false",
                        "--crosspatch.identity.public-url=http://127.0.0.1:8080",
                        "--crosspatch.identity.ingress.status-rate-limit.per-second=1000000",
                        "--crosspatch.identity.ingress.status-rate-limit.burst=1000000",
                        "--crosspatch.identity.ingress.rate-limit.per-second=1000000",
                        "--crosspatch.identity.ingress.rate-limit.burst=1000000",
                        "--logging.level.root=WARN",
                        "--logging.level.io.crosspatch.identity.bench=INFO",
                        "--server.tomcat.threads.max=200",
                        "--crosspatch.identity.admin.auth.issuer=" + AdminTokens.ISSUER,
                        "--crosspatch.identity.admin.auth.audiences=" + AdminTokens.AUDIENCE,
                        "--crosspatch.identity.admin.auth.public-key-location=" + AdminTokens.publicKeyLocation())) {
            awaitTopicReady(service.getBean(KafkaAdmin.class), Topics.ENROLLMENT_REQUESTED.name());
            int port = Objects.requireNonNull(
                            ((WebServerApplicationContext) service).getWebServer(), "no web server started")
                    .getPort();
            log.info("making {} enrollment bodies (a mix of gcp, azure, aws, vmware)", WARM_UP + REQUESTS);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                bodies.add(Api.json(Enrollments.anyEnrollment(i)));
            }
            run(port, bodies.subList(0, WARM_UP), "warm-up");
            run(port, bodies.subList(WARM_UP, bodies.size()), "measured");
        }
        System.exit(0);
    }

    private static void run(int port, List<String> bodies, String phase) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(8))
                .build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/enrollments");
        long[] latencies = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(
                                HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 202) {
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        log.info(
                "{}: {} accepted (202) and {} not in {} s with {} clients: {} enrollments/s; latency p50 {} ms, "
                        + "p99 {} ms, max {} ms",
                phase,
                accepted.get(),
                failed.get(),
                String.format("%.1f", seconds),
                CLIENTS,
                String.format("%.0f", accepted.get() / seconds),
                millis(latencies, 0.50),
                millis(latencies, 0.99),
                millis(latencies, 1.0));
    }

    private static String millis(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, index)] / 1e6);
    }

    private static void awaitTopicReady(KafkaAdmin admin, String topic) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            TopicDescription description = admin.describeTopics(topic).get(topic);
            if (description != null && description.partitions().stream().allMatch(p -> p.leader() != null)) {
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
