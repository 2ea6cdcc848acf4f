package io.crosspatch.reporting.bench;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.kernel.PatchCounts;
import io.crosspatch.reporting.compliance.application.ReadModelUpdater;
import io.crosspatch.reporting.compliance.domain.InstanceRef;
import io.crosspatch.reporting.compliance.domain.InstanceState;
import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import io.crosspatch.reporting.support.TestTokens;
import io.crosspatch.testbed.Testbed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latency of the two dashboard reads over real HTTP with a verified JWT, under concurrent clients, with one
 * tenant holding many instances: the summary, and one (random) instance's updates. The read model is loaded
 * through the same application service the Kafka listener calls, which skips only Kafka.
 *
 * <p>Each client is a thread that sends a request, waits for the answer, waits {@code thinkMillis} and sends
 * the next; {@code thinkMillis=0} is a closed loop that measures latency at saturation. Sizing:
 * {@code -Dinstances=100000 -Daccounts=100 -Dpatches=10 -Dclients=100 -DthinkMillis=0,100 -Dseconds=20
 * -DsummaryCacheTtl=1s,0s} (lists run one after the other on the same data). For figures about the service
 * rather than about the testbed's start-up-tuned Cassandra, give the node a full JIT and heap:
 * {@code -Dcrosspatch.testbed.cassandra.jvm-options="-Xms1g -Xmx1g -XX:+UseG1GC"}.
 */
public final class ReportingQueryBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReportingQueryBenchmark.class);
    private static final String TENANT = "bench-query";

    private ReportingQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("instances", 100_000);
        int accounts = Integer.getInteger("accounts", 100);
        int patches = Integer.getInteger("patches", 10);
        int clients = Integer.getInteger("clients", 100);
        List<Long> thinkTimes = Arrays.stream(
                        System.getProperty("thinkMillis", "0").split(","))
                .map(Long::parseLong)
                .toList();
        int seconds = Integer.getInteger("seconds", 20);
        List<String> cacheTtls =
                Arrays.asList(System.getProperty("summaryCacheTtl", "1s").split(","));
        Testbed.shared();
        for (String ttl : cacheTtls) {
            try (BenchmarkService service = new BenchmarkService(
                    Map.of("crosspatch.reporting.summary-cache-ttl", ttl, "server.tomcat.threads.max", "200"))) {
                if (ttl.equals(cacheTtls.get(0))) {
                    load(service.bean(ReadModelUpdater.class), instances, accounts, patches);
                }
                // The client's threads are not daemons: shut down below, or the JVM never exits after the report.
                ExecutorService httpThreads = Executors.newFixedThreadPool(4);
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(httpThreads)
                        .build();
                String base = "http://127.0.0.1:" + service.port() + "/v1/tenants/" + TENANT;
                String token = TestTokens.forTenant(TENANT);
                IntFunction<String> summary = any -> base + "/summary";
                IntFunction<String> updates = random -> base + "/instances/i-" + random + "/updates";
                try {
                    run("warm-up", http, token, summary, instances, clients, 0, 5);
                    run("warm-up", http, token, updates, instances, clients, 0, 5);
                    for (long thinkMillis : thinkTimes) {
                        run(
                                "SUMMARY (cache " + ttl + ")",
                                http,
                                token,
                                summary,
                                instances,
                                clients,
                                thinkMillis,
                                seconds);
                        run("UPDATES", http, token, updates, instances, clients, thinkMillis, seconds);
                    }
                } finally {
                    httpThreads.shutdownNow();
                }
            }
        }
        Testbed.shared().close();
    }

    private static void load(ReadModelUpdater updater, int instances, int accounts, int patches) {
        Instant at = Instant.parse("2026-11-10T00:00:00Z");
        long start = System.nanoTime();
        List<InstanceState> batch = new ArrayList<>(500);
        for (int i = 0; i < instances; i++) {
            batch.add(state(i, accounts, patches, at));
            if (batch.size() == 500 || i == instances - 1) {
                updater.applyPatchResults(batch);
                batch = new ArrayList<>(500);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        log.warn(
                "LOAD: {} instances in {} accounts of one tenant, {} patches each: {} s ({} patch rows/s, no Kafka)",
                instances,
                accounts,
                patches,
                String.format("%.1f", elapsed),
                String.format("%.0f", (double) instances * patches / elapsed));
    }

    private static InstanceState state(int i, int accounts, int patches, Instant at) {
        List<PatchUpdate> updates = new ArrayList<>(patches);
        for (int p = 0; p < patches; p++) {
            boolean installed = p >= 2;
            updates.add(new PatchUpdate(
                    "KB50" + (31000 + p),
                    "2026-11 Cumulative Update " + p,
                    p == 0 ? "CriticalUpdates" : "SecurityUpdates",
                    p == 0 ? "Critical" : "Important",
                    installed ? "INSTALLED" : "MISSING",
                    installed ? at.minus(Duration.ofDays(p)) : null,
                    List.of("CVE-2026-" + (1000 + p))));
        }
        return new InstanceState(
                new InstanceRef(TENANT, new CloudAccountKey(CloudProvider.AZURE, "sub-" + (i % accounts)), "i-" + i),
                at,
                "Subscription " + (i % accounts),
                "host-" + i,
                "mi-" + String.format("%017x", i),
                "210987654321",
                "Microsoft Windows Server 2022 10.0.20348",
                "WINDOWS",
                "on-time",
                "pb-0123456789abcdef0",
                new InstanceState.AgentStatus("3.3.1142.0", i % 5 != 0, i % 20 == 0 ? "CONNECTION_LOST" : "ONLINE", at),
                new PatchCounts(patches - 2, 0, 0, 0, 2, 0, 0, 1, 1, 0),
                new InstanceState.LastOperation(
                        "INSTALL", at.minusSeconds(600), at.minusSeconds(60), i % 50 == 0 ? "FAILED" : "SUCCEEDED"),
                updates);
    }

    private static void run(
            String name,
            HttpClient http,
            String token,
            IntFunction<String> url,
            int instances,
            int clients,
            long thinkMillis,
            int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> client(http, token, url, instances, thinkMillis, end)));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> result : results) {
            long[] latencies = result.get();
            errors += latencies[0];
            for (int i = 1; i < latencies.length; i++) {
                all.add(latencies[i]);
            }
        }
        pool.shutdown();
        if (name.equals("warm-up")) {
            return;
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        log.warn(
                "{}: {} clients, think {} ms, {} s: {} requests ({}/s), {} errors, p50 {} ms, p90 {} ms, p99 {} ms, max {} ms",
                name,
                clients,
                thinkMillis,
                seconds,
                sorted.length,
                sorted.length / seconds,
                errors,
                ms(percentile(sorted, 0.50)),
                ms(percentile(sorted, 0.90)),
                ms(percentile(sorted, 0.99)),
                ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    /** Latencies in nanoseconds; element 0 is the error count. */
    private static long[] client(
            HttpClient http, String token, IntFunction<String> url, int instances, long thinkMillis, long end)
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        while (System.nanoTime() < end) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(url.apply(ThreadLocalRandom.current().nextInt(instances))))
                    .header("Authorization", "Bearer " + token)
                    .build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                errors++;
            }
            if (thinkMillis > 0) {
                LockSupport.parkNanos(Duration.ofMillis(thinkMillis).toNanos());
            }
        }
        long[] out = new long[latencies.size() + 1];
        out[0] = errors;
        for (int i = 0; i < latencies.size(); i++) {
            out[i + 1] = latencies.get(i);
        }
        return out;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
