package io.crosspatch.bench;

import io.crosspatch.bench.baseline.InfrastructureBaselines;
import io.crosspatch.bench.storm.StormOptions;
import io.crosspatch.bench.sweep.SweepOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The benchmarks command's arguments: the repository root, which benchmarks to run ({@code --only}), where the report
 * goes, and every size, each defaulting to the figure. {@link BenchmarksCommand} reads them.
 */
record BenchmarkArguments(
        Path root,
        Set<String> only,
        Path reportDirectory,
        InfrastructureBaselines.Options baselines,
        StormOptions storm,
        SweepOptions sweep) {

    static final List<String> BENCHMARKS = List.of("baselines", "storm", "sweep", "dashboard");

    /** The arguments of a command line, without running anything; a usage error is thrown with its message. */
    static BenchmarkArguments parse(String... args) {
        return BenchmarksCommand.parse(args);
    }

    boolean runs(String benchmark) {
        return only.contains(benchmark);
    }
}
