package io.crosspatch.bench.sweep;

import io.crosspatch.launcher.cli.CommonOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line of {@link SweepBenchmark}'s own main, for development runs of the sweep alone: the repository root
 * and the sweep's options ({@link SweepArguments}, the same as {@code run-benchmarks.sh} takes), {@code --help}, and
 * anything else refused.
 */
@Command(
        name = "SweepBenchmark",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs the compliance sweep and the dashboard clients alone, on a fresh local platform.")
final class SweepCommand implements Callable<Integer> {

    /** What the command runs once the options are read. */
    @FunctionalInterface
    interface Run {
        int run(Path root, SweepOptions options) throws Exception;
    }

    @Mixin
    private final CommonOptions common = new CommonOptions();

    @Mixin
    private final SweepArguments sweep = new SweepArguments();

    private final Run run;

    SweepCommand(Run run) {
        this.run = run;
    }

    @Override
    public Integer call() throws Exception {
        SweepOptions options;
        try {
            options = sweep.options();
        } catch (IllegalArgumentException e) {
            throw common.usageError(e);
        }
        return run.run(common.root(), options);
    }
}
