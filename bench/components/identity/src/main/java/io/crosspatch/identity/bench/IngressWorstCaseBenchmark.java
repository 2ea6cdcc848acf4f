package io.crosspatch.identity.bench;

import static io.crosspatch.identity.support.Enrollments.host;
import static io.crosspatch.identity.support.Enrollments.identity;

import io.crosspatch.identity.IdentityServiceApplication;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.Enrollments;
import io.crosspatch.identity.support.HostilePkcs7;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: the most CPU one request of at most the body limit (64 KB) can cost the ingress. Each known-worst
 * request shape — per field, at that field's cap, near-misses that made the old patterns backtrack, parser-hostile
 * PKCS#7, tokens and JSON — is sent sequentially from one client to the ingress running in this JVM against the
 * real testbed; each request's cost is the JVM's process CPU time across it (the service's threads, plus this
 * client's small share and any background work, so an upper bound) and its wall time. The figure is the largest.
 *
 * <pre>mvn -o -pl bench/components/identity exec:java \
 *   -Dexec.mainClass=io.crosspatch.identity.bench.IngressWorstCaseBenchmark</pre>
 */
public final class IngressWorstCaseBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IngressWorstCaseBenchmark.class);
    private static final int BODY_LIMIT = 64 * 1024;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 40);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 20);
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private IngressWorstCaseBenchmark() {}

    /** The measured costs of one shape: CPU and wall time per request, in nanoseconds, and the statuses seen. */
    private record Costs(long[] cpu, long[] wall, Map<Integer, Integer> statuses) {}

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IdentityServiceApplication.class)
                .initializers(new TestbedContextInitializer())
                .run(
                        "--server.port=0",
                        "--crosspatch.identity.verifier.enabled=false",
                        "--crosspatch.identity.public-url=http://127.0.0.1:8080",
                        "--crosspatch.identity.admin.auth.issuer=" + AdminTokens.ISSUER,
                        "--crosspatch.identity.admin.auth.audiences=" + AdminTokens.AUDIENCE,
                        "--crosspatch.identity.admin.auth.public-key-location=" + AdminTokens.publicKeyLocation(),
                        "--crosspatch.identity.ingress.rate-limit.per-second=1000000",
                        "--crosspatch.identity.ingress.rate-limit.burst=1000000",
                        "--logging.level.root=WARN",
                        "--logging.level.io.crosspatch.identity.bench=INFO")) {
            URI uri = URI.create("http://127.0.0.1:"
                    + Objects.requireNonNull(
                                    ((WebServerApplicationContext) service).getWebServer(), "no web server started")
                            .getPort()
                    + "/v1/enrollments");
            long worstCpu = 0;
            String worstShape = null;
            StringBuilder table = new StringBuilder(
                    "\n| shape | body bytes | statuses | CPU mean ms | CPU max ms | wall p50 ms | wall max ms |\n"
                            + "|---|---|---|---|---|---|---|\n");
            for (Map.Entry<String, Supplier<String>> shape : shapes().entrySet()) {
                String sample = shape.getValue().get();
                measure(uri, shape.getValue(), WARM_UP);
                Costs costs = measure(uri, shape.getValue(), REQUESTS);
                Arrays.sort(costs.cpu());
                Arrays.sort(costs.wall());
                long maxCpu = costs.cpu()[costs.cpu().length - 1];
                if (maxCpu > worstCpu) {
                    worstCpu = maxCpu;
                    worstShape = shape.getKey();
                }
                table.append(String.format(
                        "| %s | %,d | %s | %.1f | %.1f | %.1f | %.1f |%n",
                        shape.getKey(),
                        sample.getBytes(StandardCharsets.UTF_8).length,
                        costs.statuses(),
                        ms(Arrays.stream(costs.cpu()).sum() / REQUESTS),
                        ms(maxCpu),
                        ms(costs.wall()[costs.wall().length / 2]),
                        ms(costs.wall()[costs.wall().length - 1])));
            }
            log.info(
                    "{} requests per shape after {} of warm-up, sequential, one client; process CPU per request:{}",
                    REQUESTS,
                    WARM_UP,
                    table);
            log.info("the most CPU one request cost: {} ms ({})", String.format("%.1f", ms(worstCpu)), worstShape);
        }
        System.exit(0);
    }

    private static Costs measure(URI uri, Supplier<String> bodies, int requests) throws Exception {
        long[] cpu = new long[requests];
        long[] wall = new long[requests];
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "10.9.0." + (1 + i % 250))
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get()))
                    .build();
            long cpuBefore = OS.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
            wall[i] = System.nanoTime() - wallBefore;
            cpu[i] = OS.getProcessCpuTime() - cpuBefore;
            statuses.merge(response.statusCode(), 1, Integer::sum);
        }
        return new Costs(cpu, wall, statuses);
    }

    /** Each shape makes a fresh body per request (a new secret and instance), so accepted ones are new enrollments. */
    private static Map<String, Supplier<String>> shapes() {
        Map<String, Supplier<String>> shapes = new LinkedHashMap<>();
        shapes.put("valid GCP enrollment (202)", () -> Api.json(Enrollments.anyGcpEnrollment()));
        shapes.put(
                "valid GCP enrollment padded to 64 KB in an ignored field (202)",
                () -> padded(Enrollments.anyGcpEnrollment()));
        shapes.put(
                "AWS pkcs7: 31 K newlines (two bytes each in JSON) and one bad character",
                () -> padded(with(
                        Enrollments.anyAwsEnrollment(),
                        body -> identity(body).put("pkcs7", "\n".repeat(31 * 1024) + "!"))));
        shapes.put(
                "AWS pkcs7: 32 K of base64 that is no PKCS#7 (accepted, the verifier rejects it)",
                () -> padded(with(
                        Enrollments.anyAwsEnrollment(),
                        body -> identity(body).put("pkcs7", Base64.getEncoder().encodeToString(random(24 * 1024))))));
        shapes.put(
                "AWS pkcs7: BER nested 6,000 deep",
                () -> padded(with(
                        Enrollments.anyAwsEnrollment(),
                        body -> identity(body).put("pkcs7", HostilePkcs7.nested(6_000)))));
        shapes.put(
                "Azure document: PKCS#7 with 4 certificates (the most accepted)",
                () -> padded(with(
                        Enrollments.anyAzureEnrollment(),
                        body -> identity(body)
                                .put(
                                        "attestedDocument",
                                        HostilePkcs7.withCertificates(
                                                "{\"subscriptionId\":\"s\",\"vmId\":\"" + UUID.randomUUID() + "\"}",
                                                4)))));
        shapes.put(
                "Azure document: PKCS#7 with 40 certificates",
                () -> padded(with(
                        Enrollments.anyAzureEnrollment(),
                        body -> identity(body).put("attestedDocument", HostilePkcs7.withCertificates("{}", 40)))));
        shapes.put(
                "GCP token: 16 K, 2 K header, claims JSON nested 4,000 deep",
                () -> padded(with(
                        Enrollments.anyGcpEnrollment(), body -> identity(body).put("token", deepToken()))));
        shapes.put(
                "GCP token: 16 K, three segments then one bad character",
                () -> padded(with(
                        Enrollments.anyGcpEnrollment(),
                        body -> identity(body)
                                .put("token", "a".repeat(8 * 1024 - 2) + "." + "a".repeat(8 * 1024 - 2) + ".!"))));
        shapes.put(
                "labels: 64 keys of 63 characters, values of 256, the last with a control character",
                () -> padded(with(Enrollments.anyGcpEnrollment(), body -> body.put("labels", nearMissLabels()))));
        shapes.put(
                "hostname: 253 characters, the last label ending in '-'",
                () -> padded(with(
                        Enrollments.anyGcpEnrollment(), body -> host(body).put("hostname", "a.".repeat(125) + "ab-"))));
        shapes.put(
                "Azure nonce: 60 K near-miss",
                () -> Api.json(with(
                        Enrollments.anyAzureEnrollment(),
                        body -> identity(body).put("nonce", "A".repeat(60 * 1024) + "!"))));
        shapes.put(
                "JSON nested 30,000 deep in an ignored field",
                () -> Api.json(Enrollments.anyGcpEnrollment())
                        .replaceFirst("^\\{", "{\"padding\":" + "[".repeat(30_000) + "]".repeat(30_000) + ","));
        shapes.put(
                "JSON: 30,000 numbers in an ignored field",
                () -> Api.json(Enrollments.anyGcpEnrollment())
                        .replaceFirst("^\\{", "{\"padding\":[" + "1,".repeat(30_000) + "1],"));
        return shapes;
    }

    private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        change.accept(body);
        return body;
    }

    /** The body, grown to just under the body limit with an ignored field. */
    private static String padded(Map<String, Object> body) {
        int size = Api.json(body).getBytes(StandardCharsets.UTF_8).length;
        if (size < BODY_LIMIT - 64) {
            body.put("padding", "x".repeat(BODY_LIMIT - 64 - size));
        }
        return Api.json(body);
    }

    private static Map<String, Object> nearMissLabels() {
        Map<String, Object> labels = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            labels.put(
                    String.format("%02d", i) + "k".repeat(61),
                    "v".repeat(i == 63 ? 255 : 256) + (i == 63 ? "\u0007" : ""));
        }
        return labels;
    }

    private static String deepToken() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"k\",\"p\":\"" + "x".repeat(1_400) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(
                ("{\"a\":" + "[".repeat(4_000) + "]".repeat(4_000) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2ln";
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        new Random().nextBytes(random);
        return random;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
