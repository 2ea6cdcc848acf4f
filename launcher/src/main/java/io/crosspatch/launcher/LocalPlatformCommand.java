package io.crosspatch.launcher;

import io.crosspatch.launcher.cli.CommonOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command line of {@code run-local.sh} (and {@code java -jar launcher/target/launcher.jar}): every option declared,
 * {@code --help} for the usage, and an unknown option or a bad value refused with a message and exit status 2 before
 * anything starts. Kept apart from {@link LocalPlatform}, which starts the platform, so the parsing can be tested without
 * starting a single process.
 */
@Command(
        name = "run-local.sh",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs Crosspatch on this machine: Kafka, Cassandra, the schema registry, the cloud simulator and"
                + " the four services, each in its own JVM, then enrolls a demo fleet on four clouds and plays a"
                + " simulated month. Ctrl-C stops everything.")
public final class LocalPlatformCommand implements Callable<Integer> {

    /** What the command runs once its options are read. */
    @FunctionalInterface
    public interface Run {
        void run(Settings settings) throws Exception;
    }

    /**
     * The options, checked.
     *
     * @param root       the repository root, whose modules' jars the platform starts
     * @param fleet      simulated VMs of the demo; 0 for none
     * @param daySeconds real seconds one simulated day lasts once the fleet is enrolled
     */
    public record Settings(Path root, int fleet, int daySeconds) {}

    @Mixin
    private final CommonOptions common = new CommonOptions();

    @Option(
            names = "--fleet",
            paramLabel = "N",
            defaultValue = "200",
            description = "Simulated VMs to onboard and enroll (default: ${DEFAULT-VALUE}; 0 for no demo).")
    private int fleet;

    @Option(
            names = "--day-seconds",
            paramLabel = "S",
            defaultValue = "2",
            description =
                    "Real seconds one simulated day lasts once the fleet is enrolled (default: ${DEFAULT-VALUE}).")
    private int daySeconds;

    private final Run run;

    public LocalPlatformCommand(Run run) {
        this.run = run;
    }

    @Override
    public Integer call() throws Exception {
        if (fleet < 0) {
            throw common.usageError("--fleet must be 0 or more, not " + fleet);
        }
        if (daySeconds < 0) {
            throw common.usageError("--day-seconds must be 0 or more, not " + daySeconds);
        }
        run.run(new Settings(common.root(), fleet, daySeconds));
        return 0;
    }
}
