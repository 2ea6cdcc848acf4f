package io.crosspatch.bench.sweep;

import io.crosspatch.bench.cli.WholeNumber;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The compliance sweep's options as picocli declares them, mixed into the benchmarks command and the sweep's own main so
 * both read them the same way; {@link #options()} turns them into {@link SweepOptions}, whose defaults fill the gaps.
 */
public final class SweepArguments {

    /** {@code --sweep-limits on|off}. */
    public enum Switch {
        on,
        off
    }

    @Option(
            names = "--sweep-nodes",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Managed nodes to seed (default: 100,000).")
    private @Nullable Integer nodes;

    @Option(
            names = "--sweep-accounts",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Cloud accounts they spread over (default: 100).")
    private @Nullable Integer accounts;

    @Option(
            names = "--dashboard-clients",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Concurrent dashboard clients during the sweep (default: 100).")
    private @Nullable Integer dashboardClients;

    @Option(
            names = "--seed-parallelism",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Enrollments in flight while seeding (default: 64).")
    private @Nullable Integer seedParallelism;

    @Option(
            names = "--compliance-interval",
            paramLabel = "SECONDS",
            converter = WholeNumber.class,
            description = "patching-service's pause between compliance sweeps (default: 10).")
    private @Nullable Integer complianceInterval;

    @Option(
            names = "--compliance-concurrency",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Accounts patching-service collects side by side (default: 16).")
    private @Nullable Integer complianceConcurrency;

    @Option(
            names = "--simulator-heap",
            paramLabel = "SIZE",
            description = "The simulator's -Xmx (default: 3g above 20,000 nodes, 1g above 2,000, else 512m).")
    private @Nullable String simulatorHeap;

    @Option(
            names = "--sweep-limits",
            paramLabel = "on|off",
            description =
                    "The simulator's default AWS rate limits during the sweep (default: on; always off while seeding).")
    private @Nullable Switch limits;

    @Option(
            names = "--sweep-timeout",
            paramLabel = "MINUTES",
            converter = WholeNumber.class,
            description = "How long seeding and the sweep may each take (default: 120).")
    private @Nullable Integer timeoutMinutes;

    /** The options given, the defaults for the others; {@link IllegalArgumentException} when they do not fit together. */
    public SweepOptions options() {
        SweepOptions d = SweepOptions.defaults();
        int nodeCount = nodes != null ? nodes : d.nodes();
        return new SweepOptions(
                nodeCount,
                accounts != null ? accounts : d.accounts(),
                dashboardClients != null ? dashboardClients : d.dashboardClients(),
                seedParallelism != null ? seedParallelism : d.seedParallelism(),
                complianceInterval != null ? Duration.ofSeconds(complianceInterval) : d.complianceInterval(),
                complianceConcurrency != null ? complianceConcurrency : d.complianceConcurrency(),
                simulatorHeap != null ? simulatorHeap : SweepOptions.defaultHeap(nodeCount),
                limits != Switch.off,
                timeoutMinutes != null ? Duration.ofMinutes(timeoutMinutes) : d.timeout());
    }

    /** Reads the sweep's options out of {@code args}, leaving any other (another benchmark's) alone. */
    static SweepOptions parse(String[] args) {
        SweepArguments arguments = new SweepArguments();
        new CommandLine(arguments).setUnmatchedArgumentsAllowed(true).parseArgs(args);
        return arguments.options();
    }
}
