package io.crosspatch.bench;

import io.crosspatch.bench.baseline.InfrastructureBaselines;
import io.crosspatch.bench.cli.WholeNumber;
import io.crosspatch.bench.storm.StormOptions;
import io.crosspatch.bench.sweep.SweepArguments;
import io.crosspatch.launcher.cli.CommonOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line of {@code bench/run-benchmarks.sh}: every option declared with its default, {@code --help} for the
 * usage, an unknown option or a bad value refused with a message and exit status 2 before any platform starts. It
 * hands {@link BenchmarksMain} one {@link BenchmarkArguments}.
 */
@Command(
        name = "run-benchmarks.sh",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs the raw Kafka and Cassandra baselines, the enrollment storm (simulator limits off, then its"
                + " default limits), the compliance sweep and the dashboard, each against a fresh local platform,"
                + " and writes report.md and report.json.")
final class BenchmarksCommand implements Callable<Integer> {

    @Mixin
    private final CommonOptions common = new CommonOptions();

    @Option(
            names = "--only",
            paramLabel = "LIST",
            converter = BenchmarkList.class,
            description = "Which benchmarks to run, of baselines,storm,sweep,dashboard (default: all; sweep and"
                    + " dashboard are one run).")
    private @Nullable Set<String> only;

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            description = "Where the report goes (default: bench/reports/benchmarks-<UTC time>).")
    private @Nullable Path reportDirectory;

    @Option(
            names = "--kafka-records",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Records of the raw Kafka producer baseline (default: 100,000).")
    private @Nullable Integer kafkaRecords;

    @Option(
            names = "--kafka-record-bytes",
            paramLabel = "BYTES",
            converter = WholeNumber.class,
            description = "Their size (default: the size of an enrollment.requested record).")
    private @Nullable Integer kafkaRecordBytes;

    @Option(
            names = "--cassandra-writes",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Prepared inserts of the raw Cassandra baseline (default: 100,000).")
    private @Nullable Integer cassandraWrites;

    @Option(
            names = "--cassandra-lwt-writes",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "INSERT ... IF NOT EXISTS of the raw Cassandra baseline (default: 20,000).")
    private @Nullable Integer cassandraLwtWrites;

    @Option(
            names = "--storm-vms",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "VMs of the enrollment storm (default: 10,000).")
    private @Nullable Integer stormVms;

    @Option(
            names = "--storm-accounts",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Cloud accounts they spread over (default: 200).")
    private @Nullable Integer stormAccounts;

    @Option(
            names = "--storm-existing-share",
            paramLabel = "SHARE",
            description = "Share of those accounts that have their system account before the storm (default: 0.5).")
    private @Nullable Double stormExistingShare;

    @Option(
            names = "--storm-clients",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Threads POSTing the enrollments (default: 64).")
    private @Nullable Integer stormClients;

    @Option(
            names = "--storm-timeout-minutes",
            paramLabel = "MINUTES",
            description = "How long the storm may take to its last activation (default: 30).")
    private @Nullable Long stormTimeoutMinutes;

    @Mixin
    private final SweepArguments sweep = new SweepArguments();

    private final ToIntFunction<BenchmarkArguments> run;

    BenchmarksCommand(ToIntFunction<BenchmarkArguments> run) {
        this.run = run;
    }

    @Override
    public Integer call() {
        return run.applyAsInt(arguments());
    }

    /** The options read, the defaults for the rest; a combination the benchmarks cannot run is a usage error. */
    BenchmarkArguments arguments() {
        try {
            Path repository = common.root();
            Path report = reportDirectory != null
                    ? reportDirectory
                    : repository
                            .resolve("bench")
                            .resolve("reports")
                            .resolve("benchmarks-"
                                    + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                            .format(ZonedDateTime.now(ZoneOffset.UTC)));
            return new BenchmarkArguments(
                    repository,
                    only != null ? only : new LinkedHashSet<>(BenchmarkArguments.BENCHMARKS),
                    report.toAbsolutePath(),
                    baselines(),
                    storm(),
                    sweep.options());
        } catch (IllegalArgumentException e) {
            throw common.usageError(e);
        }
    }

    private InfrastructureBaselines.Options baselines() {
        InfrastructureBaselines.Options d = InfrastructureBaselines.Options.defaults();
        return new InfrastructureBaselines.Options(
                kafkaRecords != null ? kafkaRecords : d.kafkaRecords(),
                kafkaRecordBytes != null ? kafkaRecordBytes : d.kafkaRecordBytes(),
                cassandraWrites != null ? cassandraWrites : d.cassandraWrites(),
                cassandraLwtWrites != null ? cassandraLwtWrites : d.cassandraLwtWrites(),
                d.cassandraInFlight());
    }

    private StormOptions storm() {
        StormOptions storm = StormOptions.defaults();
        if (stormVms != null) {
            storm = storm.withVms(stormVms);
        }
        if (stormAccounts != null) {
            storm = storm.withAccounts(stormAccounts);
        }
        if (stormExistingShare != null) {
            storm = storm.withExistingShare(stormExistingShare);
        }
        if (stormClients != null) {
            storm = storm.withClients(stormClients);
        }
        if (stormTimeoutMinutes != null) {
            storm = storm.withTimeout(Duration.ofMinutes(stormTimeoutMinutes));
        }
        return storm;
    }

    /** {@code --only}: a comma-separated list of known benchmarks. */
    static final class BenchmarkList implements ITypeConverter<Set<String>> {

        @Override
        public Set<String> convert(String list) {
            Set<String> chosen = new LinkedHashSet<>(Arrays.stream(list.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .toList());
            chosen.stream()
                    .filter(name -> !BenchmarkArguments.BENCHMARKS.contains(name))
                    .findFirst()
                    .ifPresent(name -> {
                        throw new TypeConversionException(
                                "--only knows " + BenchmarkArguments.BENCHMARKS + ", not " + name);
                    });
            return chosen;
        }
    }

    /** Reads {@code args} without running anything. */
    static BenchmarkArguments parse(String... args) {
        BenchmarksCommand command = new BenchmarksCommand(arguments -> 0);
        new CommandLine(command).parseArgs(args);
        return command.arguments();
    }
}
