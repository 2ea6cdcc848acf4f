package io.crosspatch.bench.sweep;

import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.launcher.DemoTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Dashboard users during the sweep: {@code clients} threads, each in a closed loop (no think time) doing what the
 * dashboard page does — the tenant summary, the first page of the instance list, and one instance's updates (a random
 * instance known to exist). Even-numbered clients carry an operator token and pick a random tenant each loop; the
 * others carry their tenant's token, as a customer's browser would. Latency is recorded per endpoint for answers
 * that are 2xx; every other answer (any status, or no answer at all) is counted as an error by endpoint and status.
 * One HttpClient (HTTP/1.1 keep-alive pool) serves every thread; the clients run on the same two cores as the
 * platform, so they take CPU from what they measure.
 */
public final class DashboardLoad {

    /** One instance a client may ask the updates of. */
    public record KnownInstance(String tenantId, String instanceId, String provider, String cloudAccountId) {}

    /** What the clients saw, per endpoint. */
    public record Result(Duration elapsed, Map<String, Latencies> latencies, Map<String, Long> errors) {

        public long requests() {
            return latencies.values().stream().mapToLong(Latencies::count).sum()
                    + errors.values().stream().mapToLong(Long::longValue).sum();
        }

        public double requestsPerSecond() {
            return elapsed.toNanos() == 0 ? 0 : requests() / (elapsed.toNanos() / 1e9);
        }
    }

    static final String SUMMARY = "summary";
    static final String INSTANCES = "instance list page";
    static final String UPDATES = "instance updates";

    private final URI reporting;
    private final DemoTokens tokens;
    private final Map<String, List<KnownInstance>> instancesByTenant;
    private final List<String> tenants;
    private final int clients;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long startedNanos;

    public DashboardLoad(URI reporting, DemoTokens tokens, List<KnownInstance> instances, int clients) {
        this.reporting = reporting;
        this.tokens = tokens;
        this.clients = clients;
        Map<String, List<KnownInstance>> byTenant = new TreeMap<>();
        instances.forEach(instance -> byTenant.computeIfAbsent(instance.tenantId(), t -> new ArrayList<>())
                .add(instance));
        if (byTenant.isEmpty() && clients > 0) {
            throw new IllegalArgumentException("dashboard clients need known instances to ask for");
        }
        this.instancesByTenant = byTenant;
        this.tenants = List.copyOf(byTenant.keySet());
        for (String endpoint : List.of(SUMMARY, INSTANCES, UPDATES)) {
            latencies.put(endpoint, new Latencies());
        }
    }

    public synchronized void start() {
        running = true;
        startedNanos = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            boolean operator = i % 2 == 0;
            String ownTenant = tenants.get(i % tenants.size());
            String bearer = "Bearer "
                    + (operator
                            ? tokens.token("bench-operator-" + i, null)
                            : tokens.token("bench-user-" + i, ownTenant));
            Thread thread = new Thread(() -> loop(bearer, operator ? null : ownTenant), "dashboard-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops the clients (each finishes its request in flight) and answers what they saw. */
    public synchronized Result stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
        Duration elapsed = Duration.ofNanos(threads.isEmpty() ? 0 : System.nanoTime() - startedNanos);
        threads.clear();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((key, count) -> errorCounts.put(key, count.sum()));
        return new Result(elapsed, Map.copyOf(latencies), errorCounts);
    }

    /** One client: a tenant user asks for {@code ownTenant} only; an operator ({@code ownTenant} null) for any. */
    private void loop(String bearer, @Nullable String ownTenant) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            String tenant = ownTenant != null ? ownTenant : tenants.get(random.nextInt(tenants.size()));
            get(SUMMARY, "/v1/tenants/" + tenant + "/summary", bearer);
            get(INSTANCES, "/v1/tenants/" + tenant + "/instances?pageSize=100", bearer);
            List<KnownInstance> known = Objects.requireNonNull(instancesByTenant.get(tenant), tenant);
            KnownInstance instance = known.get(random.nextInt(known.size()));
            get(
                    UPDATES,
                    "/v1/tenants/" + tenant + "/instances/" + instance.instanceId() + "/updates?provider="
                            + instance.provider() + "&cloudAccountId=" + instance.cloudAccountId(),
                    bearer);
        }
    }

    private void get(String endpoint, String path, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(reporting.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .GET()
                .build();
        long start = System.nanoTime();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                Objects.requireNonNull(latencies.get(endpoint), endpoint).recordSince(start);
            } else {
                error(endpoint, "HTTP " + status);
            }
        } catch (IOException e) {
            error(endpoint, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void error(String endpoint, String what) {
        errors.computeIfAbsent(endpoint + ": " + what, key -> new LongAdder()).increment();
    }
}
