package io.crosspatch.bench.sweep;

import io.crosspatch.launcher.cli.RepositoryRoot;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Print this usage and exit.")
    private boolean help;

    @Parameters(
            index = "0",
            paramLabel = "ROOT",
            converter = RepositoryRoot.class,
            description = "The repository root.")
    private Path root;

    @Mixin
    private SweepArguments sweep = new SweepArguments();

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
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return run.run(root, options);
    }
}
