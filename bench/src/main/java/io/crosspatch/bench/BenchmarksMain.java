package io.crosspatch.bench;

import io.crosspatch.bench.baseline.InfrastructureBaselines;
import io.crosspatch.bench.baseline.InfrastructureBaselines.Baselines;
import io.crosspatch.bench.platform.BenchPlatform;
import io.crosspatch.bench.report.BenchReport;
import io.crosspatch.bench.storm.StormBenchmark;
import io.crosspatch.bench.storm.StormBenchmark.Mode;
import io.crosspatch.bench.sweep.SweepBenchmark;
import io.crosspatch.launcher.Platform;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The benchmarks command ({@code bench/run-benchmarks.sh}): the raw-infrastructure baselines, the enrollment storm
 * (limits off, then default limits, each on a fresh platform), the compliance sweep and the dashboard, into one
 * report (Markdown and JSON).
 *
 * <pre>java -cp "bench/target/bench.jar:bench/target/lib/*" io.crosspatch.bench.BenchmarksMain [--help] [repository root]
 *     [--only baselines,storm,sweep,dashboard] [--report-dir DIR] [--storm-vms 10000] [--storm-accounts 200]
 *     [--storm-existing-share 0.5] [--storm-clients 64] [--storm-timeout-minutes 30] [--kafka-records 100000]
 *     [--kafka-record-bytes N] [--cassandra-writes 100000] [--cassandra-lwt-writes 20000]
 *     [--sweep-nodes 100000] [--sweep-accounts 100] [--dashboard-clients 100] [--seed-parallelism 64]
 *     [--compliance-interval 10] [--compliance-concurrency 16] [--simulator-heap 3g] [--sweep-limits on|off]
 *     [--sweep-timeout 120]</pre>
 *
 * {@link BenchmarksCommand} reads the options.
 *
 * The baselines are measured on the first storm's platform before its storm starts (the same Kafka and Cassandra
 * the services use, idle), so that the storm's figures can be printed as ratios to them.
 */
public final class BenchmarksMain {

    private static final Logger log = LoggerFactory.getLogger(BenchmarksMain.class);

    private BenchmarksMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarksCommand(BenchmarksMain::run)).execute(args));
    }

    /** Runs the chosen benchmarks; 0 when every check passed, 1 otherwise. */
    private static int run(BenchmarkArguments arguments) {
        BenchReport report = new BenchReport("Crosspatch benchmarks", arguments.reportDirectory());
        log.info("Benchmarks {} of {}; report in {}", arguments.only(), arguments.root(), arguments.reportDirectory());
        try {
            Baselines baselines = baselinesAndStorm(arguments, report);
            log.info("Baselines and storm done ({})", baselines == null ? "no baselines" : baselines);
            if (arguments.runs("sweep") || arguments.runs("dashboard")) {
                // one scenario: the dashboard's clients load it while the sweep runs, on a platform of its own
                try {
                    SweepBenchmark.run(arguments.root(), report, arguments.sweep());
                } catch (Exception e) {
                    didNotComplete(report, "Compliance sweep and dashboard", e);
                }
            }
        } finally {
            report.write();
            log.info("Report: {}", arguments.reportDirectory().resolve("report.md"));
        }
        return report.passed() ? 0 : 1;
    }

    /** The baselines on storm (a)'s platform before its storm, then storm (a), then storm (b) on a fresh platform. */
    private static @Nullable Baselines baselinesAndStorm(BenchmarkArguments arguments, BenchReport report) {
        if (!arguments.runs("baselines") && !arguments.runs("storm")) {
            return null;
        }
        Baselines baselines = null;
        Mode first = Mode.LIMITS_OFF;
        try (Platform platform = BenchPlatform.start(
                arguments.root(),
                arguments.runs("storm") ? first.runName() : "baselines",
                StormBenchmark.tuning(first, arguments.storm()))) {
            if (arguments.runs("baselines")) {
                baselines = InfrastructureBaselines.run(platform.infrastructure(), report, arguments.baselines());
            }
            if (arguments.runs("storm")) {
                StormBenchmark.runOn(platform, first, report, arguments.storm(), baselines);
            }
        } catch (Exception e) {
            didNotComplete(report, arguments.runs("storm") ? first.title() : "Baselines", e);
        }
        if (arguments.runs("storm")) {
            try (Platform platform = BenchPlatform.start(
                    arguments.root(),
                    Mode.DEFAULT_LIMITS.runName(),
                    StormBenchmark.tuning(Mode.DEFAULT_LIMITS, arguments.storm()))) {
                StormBenchmark.runOn(platform, Mode.DEFAULT_LIMITS, report, arguments.storm(), baselines);
            } catch (Exception e) {
                didNotComplete(report, Mode.DEFAULT_LIMITS.title(), e);
            }
        }
        return baselines;
    }

    /**
     * A scenario that died (its platform did not start, a service broke down) fails the run loudly in the report, and
     * the benchmarks after it still run: one broken scenario should not cost the figures of the others.
     */
    private static void didNotComplete(BenchReport report, String scenario, Throwable failure) {
        log.error("{} did not complete", scenario, failure);
        report.section(scenario + " — did not complete").check("ran to the end", false, String.valueOf(failure));
        report.write();
    }
}
