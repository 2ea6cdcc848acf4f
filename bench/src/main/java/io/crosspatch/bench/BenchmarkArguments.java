package io.crosspatch.bench;

import io.crosspatch.bench.baseline.InfrastructureBaselines;
import io.crosspatch.bench.storm.StormOptions;
import io.crosspatch.bench.sweep.SweepOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmarks command's arguments: the repository root, which benchmarks to run ({@code --only}), where the report
 * goes, and every size, each defaulting to the figure.
 */
record BenchmarkArguments(Path root, Set<String> only, Path reportDirectory, InfrastructureBaselines.Options baselines,
        StormOptions storm, SweepOptions sweep) {

    static final List<String> BENCHMARKS = List.of("baselines", "storm", "sweep", "dashboard");
    /** The compliance sweep's and dashboard's options, handed to {@link SweepOptions#parse}. */
    static final Set<String> SWEEP_OPTIONS = Set.of("--sweep-nodes", "--sweep-accounts", "--dashboard-clients",
            "--seed-parallelism", "--compliance-interval", "--compliance-concurrency", "--simulator-heap",
            "--sweep-limits", "--sweep-timeout");

    static BenchmarkArguments parse(String... args) {
        Path root = Path.of(".");
        Set<String> only = new LinkedHashSet<>(BENCHMARKS);
        Path reportDirectory = null;
        InfrastructureBaselines.Options baselines = InfrastructureBaselines.Options.defaults();
        StormOptions storm = StormOptions.defaults();
        List<String> sweepArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                root = Path.of(arg);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--only" -> only = benchmarks(value);
                case "--report-dir" -> reportDirectory = Path.of(value);
                case "--kafka-records" -> baselines = new InfrastructureBaselines.Options(Integer.parseInt(value),
                        baselines.kafkaRecordBytes(), baselines.cassandraWrites(), baselines.cassandraLwtWrites(),
                        baselines.cassandraInFlight());
                case "--kafka-record-bytes" -> baselines = new InfrastructureBaselines.Options(baselines.kafkaRecords(),
                        Integer.parseInt(value), baselines.cassandraWrites(), baselines.cassandraLwtWrites(),
                        baselines.cassandraInFlight());
                case "--cassandra-writes" -> baselines = new InfrastructureBaselines.Options(baselines.kafkaRecords(),
                        baselines.kafkaRecordBytes(), Integer.parseInt(value), baselines.cassandraLwtWrites(),
                        baselines.cassandraInFlight());
                case "--cassandra-lwt-writes" -> baselines = new InfrastructureBaselines.Options(
                        baselines.kafkaRecords(), baselines.kafkaRecordBytes(), baselines.cassandraWrites(),
                        Integer.parseInt(value), baselines.cassandraInFlight());
                case "--storm-vms" -> storm = storm.withVms(Integer.parseInt(value));
                case "--storm-accounts" -> storm = storm.withAccounts(Integer.parseInt(value));
                case "--storm-existing-share" -> storm = storm.withExistingShare(Double.parseDouble(value));
                case "--storm-clients" -> storm = storm.withClients(Integer.parseInt(value));
                case "--storm-timeout-minutes" -> storm = storm.withTimeout(Duration.ofMinutes(Long.parseLong(value)));
                default -> {
                    if (!SWEEP_OPTIONS.contains(arg)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    sweepArgs.add(arg);
                    sweepArgs.add(value);
                }
            }
        }
        root = root.toAbsolutePath().normalize();
        if (reportDirectory == null) {
            reportDirectory = root.resolve("bench").resolve("reports").resolve("benchmarks-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        return new BenchmarkArguments(root, only, reportDirectory.toAbsolutePath(), baselines, storm,
                SweepOptions.parse(sweepArgs.toArray(String[]::new)));
    }

    private static Set<String> benchmarks(String list) {
        Set<String> chosen = new LinkedHashSet<>(Arrays.stream(list.split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList());
        chosen.stream().filter(name -> !BENCHMARKS.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("--only knows " + BENCHMARKS + ", not " + name);
        });
        return chosen;
    }

    boolean runs(String benchmark) {
        return only.contains(benchmark);
    }
}
