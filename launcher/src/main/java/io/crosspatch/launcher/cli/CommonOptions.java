package io.crosspatch.launcher.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every Crosspatch command line takes ({@code run-local.sh}, {@code bench/run-benchmarks.sh},
 * {@code bench/run-drills.sh} and the sweep's own main), declared once and mixed in with picocli's {@code @Mixin}:
 * {@code --help}, and the repository root as an optional argument that defaults to the current directory. The root is
 * checked as it is read ({@link RepositoryRoot}), so a mistyped option's value is refused rather than taken for the root.
 * Commands also raise their own usage errors through {@link #usageError}, which picocli reports with exit status 2.
 */
public final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init") // picocli injects the command this is mixed into before the command runs
    private CommandSpec command;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Print this usage and exit.")
    private boolean help;

    @Parameters(
            arity = "0..1",
            paramLabel = "ROOT",
            converter = RepositoryRoot.class,
            description = "The repository root (default: the current directory).")
    private @Nullable Path root;

    /**
     * The repository root given, or else the current directory when that is the repository; a usage error when it is
     * not.
     */
    public Path root() {
        if (root != null) {
            return root;
        }
        try {
            return RepositoryRoot.of(Path.of("."));
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage() + "; run it from the repository or name it");
        }
    }

    /** A usage error of the command: picocli prints {@code message} and the usage, and exits with status 2. */
    public ParameterException usageError(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    /** {@link #usageError(String)} for options a check further in refused, with that check's message. */
    public ParameterException usageError(IllegalArgumentException refused) {
        String message = refused.getMessage();
        return new ParameterException(command.commandLine(), message != null ? message : refused.toString(), refused);
    }
}
