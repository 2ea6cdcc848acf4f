package io.crosspatch.bench.sweep;

import io.crosspatch.bench.fleet.BenchAccounts;
import io.crosspatch.bench.fleet.BenchFleet;
import io.crosspatch.bench.measure.ProcessSampler;
import io.crosspatch.bench.platform.BenchPlatform;
import io.crosspatch.bench.report.BenchReport;
import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.JsonHttp;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.simulator.client.SimulatorControl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The compliance sweep of issue #9 — 100,000 managed nodes across 100 accounts, from window run to dashboard — and,
 * during it, 100 dashboard clients. Seeds the nodes through the real pipeline with the simulator's rate limits off
 * (setup, not measured as the sweep), waits until reporting shows every node and patching-service has published each
 * one's first state, then opens every account's Install windows at once (each window by id, so that no scheduled scan
 * runs on the way as a clock advance would) and measures until the reporting API shows, for every node and every
 * account, exactly what the simulator says SSM holds.
 */
public final class SweepBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SweepBenchmark.class);
    private static final int TENANTS_MAX = 10;

    private SweepBenchmark() {}

    /** Starts its own platform, runs seeding, the sweep and the dashboard clients, and adds both sections. */
    public static void run(Path root, BenchReport report, SweepOptions options) throws Exception {
        List<CloudAccountSpec> accounts =
                BenchAccounts.generate(options.accounts(), Math.min(TENANTS_MAX, options.accounts()));
        BenchPlatform.Tuning tuning = BenchPlatform.Tuning.defaults()
                .withSweepInterval(options.complianceInterval())
                .withServiceArguments(Map.of(
                        LocalService.PATCHING,
                        List.of("--crosspatch.patching.compliance.account-concurrency="
                                + options.complianceConcurrency())))
                .withHeaps(heaps(options))
                .withVmwareOrgs(BenchAccounts.vmwareOrgs(accounts));
        Section sweep = report.section("Compliance sweep");
        Section dashboard = report.section("Dashboard under load");
        describeSettings(sweep, options, tuning, accounts);
        report.write();
        try (Platform platform = BenchPlatform.start(root, "sweep", tuning)) {
            new Run(platform, accounts, options, sweep, dashboard, report).run();
        } finally {
            report.write();
        }
    }

    /** For development runs: {@code <repository root> [--sweep-nodes 300 --sweep-accounts 6 --dashboard-clients 10 …]}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SweepCommand(SweepBenchmark::runAlone)).execute(args));
    }

    private static int runAlone(Path root, SweepOptions options) throws Exception {
        BenchReport report = new BenchReport(
                "Crosspatch compliance sweep",
                root.resolve("bench")
                        .resolve("target")
                        .resolve("reports")
                        .resolve("sweep-" + Instant.now().toString().replace(":", "")));
        run(root, report, options);
        log.info("report written to {}", report.directory());
        return report.passed() ? 0 : 1;
    }

    /** The simulator holds every node in memory; patching and reporting hold an account's nodes while they work. */
    static Map<String, String> heaps(SweepOptions options) {
        Map<String, String> heaps = new LinkedHashMap<>();
        heaps.put("cloud-simulator", options.simulatorHeap());
        if (options.nodes() > 20_000) {
            heaps.put("patching-service", "768m");
            heaps.put("reporting-service", "512m");
        }
        return heaps;
    }

    private static void describeSettings(
            Section sweep, SweepOptions options, BenchPlatform.Tuning tuning, List<CloudAccountSpec> accounts) {
        Set<String> tenants = new TreeSet<>();
        accounts.forEach(account -> tenants.add(account.tenantId()));
        sweep.figure("managed nodes", options.nodes(), "nodes")
                .figure("cloud accounts (one system account each)", options.accounts(), "accounts")
                .figure("tenants", tenants.size(), "tenants")
                .note("Settings: simulator -Xmx " + options.simulatorHeap() + "; heaps " + tuning.heaps()
                        + "; patching-service compliance.interval "
                        + options.complianceInterval().toSeconds()
                        + " s, compliance.account-concurrency " + options.complianceConcurrency()
                        + ", registration.interval 2 s (the platform's); seeding parallelism "
                        + options.seedParallelism()
                        + "; simulator rate limits off while seeding, "
                        + (options.limitsDuringSweep() ? "back on (defaults) for the sweep" : "still off for the sweep")
                        + ".");
    }

    /** One run on a started platform. */
    private static final class Run {

        private final Platform platform;
        private final List<CloudAccountSpec> accounts;
        private final SweepOptions options;
        private final Section sweep;
        private final Section dashboard;
        private final BenchReport report;
        private final JsonHttp http = new JsonHttp();
        private final SimulatorControl simulator;
        private final ReportingApi reporting;
        private final TopicCount patchResults;

        Run(
                Platform platform,
                List<CloudAccountSpec> accounts,
                SweepOptions options,
                Section sweep,
                Section dashboard,
                BenchReport report) {
            this.platform = platform;
            this.accounts = accounts;
            this.options = options;
            this.sweep = sweep;
            this.dashboard = dashboard;
            this.report = report;
            this.simulator = platform.simulatorControl();
            this.reporting = new ReportingApi(
                    http,
                    platform.service(LocalService.REPORTING),
                    platform.tokens().token("bench-sweep-watcher", null));
            this.patchResults =
                    new TopicCount(platform.infrastructure().kafka().bootstrapServers(), Topics.PATCH_RESULTS.name());
        }

        void run() throws Exception {
            long simulatorPid = Objects.requireNonNull(
                    platform.processIds().get("cloud-simulator"), "the platform names its simulator's process");
            OptionalLong heapBefore = LiveHeap.bytes(simulatorPid);
            simulator.rateLimits(false);
            FleetSeeder.Seeded seeded = new FleetSeeder(new BenchFleet(platform, accounts), options).seed();
            reportSeeding(seeded);
            if (!sweep.check(
                    "every node REGISTERED before the sweep",
                    seeded.registered() == options.nodes(),
                    seeded.registered() + " of " + options.nodes() + " registered; stages " + seeded.stageCounts()
                            + "; POSTs failed " + seeded.postFailures())) {
                return;
            }
            Set<String> managed = new HashSet<>(seeded.managedInstanceIds().values());
            List<DashboardLoad.KnownInstance> known = awaitReportingShowsAll(managed);
            reportSimulatorMemory(heapBefore, LiveHeap.bytes(simulatorPid));
            awaitFirstResultsPublished(managed.size());
            report.write();
            sweep(managed, known);
            LiveHeap.bytes(simulatorPid)
                    .ifPresent(after -> heapBefore.ifPresent(before -> sweep.figure(
                                    "simulator live heap after the sweep (every node with a patch report)",
                                    after / 1048576.0,
                                    "MiB")
                            .figure(
                                    "simulator live heap per managed node after the sweep",
                                    (after - before) / (double) options.nodes() / 1024.0,
                                    "KiB")));
            report.write();
        }

        private void reportSeeding(FleetSeeder.Seeded seeded) {
            double seconds = seeded.took().toMillis() / 1000.0;
            sweep.figure("seeding: time to all REGISTERED", seconds, "s")
                    .figure(
                            "seeding: nodes registered per second",
                            seeded.registered() / Math.max(seconds, 0.001),
                            "nodes/s")
                    .figures(
                            "seeding: enrollment POST→202 ",
                            withoutCount(seeded.accepted().summaryMillis()),
                            "ms");
            report.write();
        }

        private void reportSimulatorMemory(OptionalLong before, OptionalLong after) {
            if (before.isPresent() && after.isPresent()) {
                double perNode = (after.getAsLong() - before.getAsLong()) / (double) options.nodes();
                sweep.figure("simulator live heap before seeding", before.getAsLong() / 1048576.0, "MiB")
                        .figure("simulator live heap with every node registered", after.getAsLong() / 1048576.0, "MiB")
                        .figure(
                                "simulator live heap per managed node (VM, identity, activation, node)",
                                perNode / 1024.0,
                                "KiB");
            } else {
                sweep.note(
                        "The simulator's live heap could not be read (jcmd GC.class_histogram); memory per node not measured.");
            }
        }

        /** Waits until the summaries count every node, then lists them all (the dashboard clients ask for them). */
        private List<DashboardLoad.KnownInstance> awaitReportingShowsAll(Set<String> managed)
                throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + options.timeout().toNanos();
            Set<String> tenants = tenants();
            while (System.nanoTime() < deadline) {
                long shown = 0;
                for (String tenant : tenants) {
                    shown += reporting
                            .summary(tenant)
                            .path("totals")
                            .path("instances")
                            .asLong();
                }
                if (shown >= managed.size()) {
                    break;
                }
                log.info("reporting shows {} of {} instances", shown, managed.size());
                Thread.sleep(2_000);
            }
            List<DashboardLoad.KnownInstance> known = Collections.synchronizedList(new ArrayList<>());
            for (String tenant : tenants) {
                reporting.forEachInstance(tenant, instance -> {
                    if (managed.contains(instance.path("managedInstanceId").asText(""))) {
                        known.add(new DashboardLoad.KnownInstance(
                                tenant,
                                instance.get("instanceId").asText(),
                                instance.get("provider").asText(),
                                instance.get("cloudAccountId").asText()));
                    }
                });
            }
            sweep.figure(
                    "reporting shows every registered node, after seeding", (System.nanoTime() - start) / 1e9, "s");
            return List.copyOf(known);
        }

        /**
         * Before the windows, patching-service publishes each new node's first (empty) state; the sweep should
         * measure only what the windows cause, so it waits until patch.results has at least one record per node and
         * stopped growing for three compliance intervals.
         */
        private void awaitFirstResultsPublished(int nodes) throws InterruptedException {
            Duration quiet = options.complianceInterval().multipliedBy(3).compareTo(Duration.ofSeconds(15)) > 0
                    ? options.complianceInterval().multipliedBy(3)
                    : Duration.ofSeconds(15);
            long deadline = System.nanoTime() + options.timeout().toNanos();
            long last = -1;
            long unchangedSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                long total = TopicCount.total(patchResults.mark());
                if (total != last) {
                    last = total;
                    unchangedSince = System.nanoTime();
                } else if (total >= nodes && System.nanoTime() - unchangedSince >= quiet.toNanos()) {
                    return;
                }
                Thread.sleep(2_000);
            }
            sweep.note("patch.results was still growing before the sweep (" + last
                    + " offsets): some pre-sweep results may be counted in the sweep.");
        }

        private void sweep(Set<String> managed, List<DashboardLoad.KnownInstance> known) throws Exception {
            Map<String, String> systemAccounts = SsmTruth.systemAccounts(simulator);
            List<InstallWindows.Window> windows = new ArrayList<>();
            for (CloudAccountSpec account : accounts) {
                String systemAccount = systemAccounts.get(account.key());
                if (systemAccount != null) {
                    windows.addAll(InstallWindows.of(simulator, systemAccount, account.awsRegion()));
                }
            }
            simulator.rateLimits(options.limitsDuringSweep());
            Map<TopicPartition, Long> publishedBefore = patchResults.mark();
            simulator.resetCalls();
            DashboardLoad load = new DashboardLoad(
                    platform.service(LocalService.REPORTING), platform.tokens(), known, options.dashboardClients());
            ProcessSampler sampler = ProcessSampler.start(() -> {
                // the benchmark's own JVM too: the dashboard clients and the watcher run on the same two cores
                Map<String, Long> pids = new LinkedHashMap<>(platform.processIds());
                pids.put(
                        "bench JVM (dashboard clients, watcher)",
                        ProcessHandle.current().pid());
                return pids;
            });
            load.start();
            Instant windowsOpenedAt = simulator.now();
            long startEpochMillis = System.currentTimeMillis();
            long start = System.nanoTime();
            log.info("sweep: opening {} install windows of {} accounts", windows.size(), systemAccounts.size());
            runWindows(windows);
            double windowsSeconds = (System.nanoTime() - start) / 1e9;
            log.info("sweep: windows ran in {} s", windowsSeconds);
            CompletableFuture<SsmTruth> truth = CompletableFuture.supplyAsync(() -> {
                try {
                    long readStart = System.nanoTime();
                    SsmTruth read = SsmTruth.read(simulator, accounts, systemAccounts, 4);
                    sweep.figure(
                            "reading SSM's ground truth (beside the watch)",
                            (System.nanoTime() - readStart) / 1e9,
                            "s");
                    return read;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            DashboardWatcher watcher = new DashboardWatcher(reporting, accounts, managed, windowsOpenedAt, start);
            DashboardWatcher.Outcome outcome = watcher.awaitComplete(
                    truth, options.timeout(), Duration.ofSeconds(1), line -> log.info("sweep: {}", line));
            DashboardLoad.Result loadResult = load.stop();
            Map<String, ProcessSampler.Usage> usage = sampler.stop();
            Map<String, Long> calls = CallCounts.byOperation(simulator.calls());
            TopicCount.Received published = patchResults.since(publishedBefore);

            sweep.figure("windows opened (every account's install windows)", windows.size(), "windows")
                    .figure("simulator running every window", windowsSeconds, "s");
            outcome.complete()
                    .ifPresent(took -> sweep.figure("window run → dashboard complete", took.toMillis() / 1000.0, "s"));
            sweep.figures(
                            "nodes shown with their new state, time to ",
                            watcher.curve().milestonesSeconds(),
                            "s")
                    .figure("dashboard watch rounds", outcome.rounds(), "rounds");
            sweep.check(
                    "dashboard shows SSM's ground truth for every node and account",
                    outcome.complete().isPresent(),
                    outcome.complete().isPresent()
                            ? "complete after " + outcome.complete().get().toMillis() / 1000.0 + " s"
                            : "after " + options.timeout().toMinutes() + " min: "
                                    + watcher.curve().arrived() + " of "
                                    + managed.size() + " nodes show the install, " + outcome.nodesDiffering()
                                    + " differ from SSM, accounts differing " + outcome.accountsDiffering());
            reportPublished(published, startEpochMillis, managed.size());
            sweep.figure("AWS calls during the sweep", CallCounts.total(calls), "calls")
                    .figure("AWS calls per node", CallCounts.total(calls) / (double) managed.size(), "calls/node");
            List<Map<String, Object>> rows = new ArrayList<>();
            calls.forEach((operation, count) -> rows.add(Map.of("operation", operation, "calls", count)));
            sweep.table(
                    "AWS calls during the sweep, by operation (until the dashboard was complete)",
                    List.of("operation", "calls"),
                    rows);
            sweep.table(
                    "CPU and memory per process, window run → dashboard complete",
                    ProcessSampler.columns(),
                    ProcessSampler.rows(usage));
            sweep.note("Arrival times are stamped when the instance-list page showing the node came back; the watcher "
                    + "walks every tenant's list (500 a page) at most once a second. The ground truth is read after the "
                    + "windows ran, without the patch lists (counts, operation and end time are compared per node, the "
                    + "summary figures per account).");
            report.write();
            reportDashboard(loadResult);
        }

        private void runWindows(List<InstallWindows.Window> windows) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> runs = new ArrayList<>();
                windows.forEach(window -> runs.add(pool.submit(() -> InstallWindows.run(simulator, window))));
                for (Future<?> run : runs) {
                    run.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("opening a window failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        private void reportPublished(TopicCount.Received published, long startEpochMillis, int nodes) {
            sweep.figure("patch.results published during the sweep", published.records(), "events")
                    .figure("patch.results per node", published.records() / (double) nodes, "events/node");
            ArrivalCurve curve = new ArrivalCurve(0, (int) Math.max(1, published.records()));
            List<Long> timestamps = published.timestamps();
            for (int i = 0; i < timestamps.size(); i++) {
                curve.seen(
                        Integer.toString(i),
                        Duration.ofMillis(Math.max(0, timestamps.get(i) - startEpochMillis))
                                .toNanos());
            }
            if (published.records() > 0) {
                sweep.figures("patch.results published, time to ", curve.milestonesSeconds(), "s");
            }
        }

        private void reportDashboard(DashboardLoad.Result result) {
            dashboard
                    .figure("clients", options.dashboardClients(), "threads")
                    .figure(
                            "duration (window run → dashboard complete)",
                            result.elapsed().toMillis() / 1000.0,
                            "s")
                    .figure("requests", result.requests(), "requests")
                    .figure("throughput", result.requestsPerSecond(), "req/s");
            double seconds = Math.max(0.001, result.elapsed().toNanos() / 1e9);
            result.latencies()
                    .forEach((endpoint, latencies) -> dashboard
                            .figure(endpoint + " requests answered 2xx", latencies.count(), "requests")
                            .figure(endpoint + " throughput (2xx)", latencies.count() / seconds, "req/s")
                            .figures(endpoint + " ", withoutCount(latencies.summaryMillis()), "ms"));
            long errors =
                    result.errors().values().stream().mapToLong(Long::longValue).sum();
            dashboard.figure("errors (non-2xx or no answer)", errors, "requests");
            List<Map<String, Object>> rows = new ArrayList<>();
            result.errors().forEach((what, count) -> rows.add(Map.of("endpoint and status", what, "requests", count)));
            if (!rows.isEmpty()) {
                dashboard.table("Errors by endpoint and status", List.of("endpoint and status", "requests"), rows);
            }
            dashboard.check(
                    "every dashboard request answered 2xx",
                    errors == 0,
                    errors == 0 ? "no errors" : errors + " errors: " + result.errors());
            dashboard.note(
                    "Each client loops with no think time: tenant summary, first instance page (100), one random "
                            + "instance's updates; even-numbered clients use an operator token on a random tenant, the others "
                            + "their tenant's token. The clients (one JVM, one HttpClient) share the machine's 2 cores with the "
                            + "whole platform and the sweep, so latencies include CPU contention the clients themselves cause.");
            report.write();
        }

        /** Latency percentiles in ms, without the count (a number of requests, reported on its own). */
        private static Map<String, Object> withoutCount(Map<String, Object> summary) {
            Map<String, Object> percentiles = new LinkedHashMap<>(summary);
            percentiles.remove("count");
            return percentiles;
        }

        private Set<String> tenants() {
            Set<String> tenants = new TreeSet<>();
            accounts.forEach(account -> tenants.add(account.tenantId()));
            return tenants;
        }
    }
}
