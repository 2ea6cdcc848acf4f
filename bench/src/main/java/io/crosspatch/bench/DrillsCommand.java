package io.crosspatch.bench;

import io.crosspatch.bench.cli.WholeNumber;
import io.crosspatch.bench.drill.DrillSizes;
import io.crosspatch.bench.drill.Drills;
import io.crosspatch.launcher.cli.RepositoryRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code bench/run-drills.sh}: every option declared, {@code --help} for the usage, an unknown
 * option, a bad value or a drill that does not exist refused with a message and exit status 2 before any platform
 * starts (a mistyped {@code --only} used to select no drill and report that all of them passed).
 */
@Command(
        name = "run-drills.sh",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs the fault drills (kill -9 of each service, Kafka and Cassandra restarts, AWS throttling and"
                + " 5xx, poison records), each on a fresh local platform, each ending in an exactly-once audit;"
                + " exits 1 when any check failed.")
final class DrillsCommand implements Callable<Integer> {

    /** What the drills command runs: the repository, the drills' sizes and the drills chosen (all when empty). */
    record Arguments(Path root, DrillSizes sizes, Set<String> only) {}

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

    @Option(
            names = "--vms",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "VMs of each drill's storm (default: 400).")
    private Integer vms;

    @Option(
            names = "--accounts",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Cloud accounts they spread over (default: 12).")
    private Integer accounts;

    @Option(
            names = "--fault-after-seconds",
            paramLabel = "SECONDS",
            description = "From the storm's first POST to the mid-storm fault (default: 8).")
    private Long faultAfterSeconds;

    @Option(
            names = "--only",
            paramLabel = "LIST",
            split = ",",
            description = "Drill groups (kill, kafka, cassandra, faults, poison) or drill names such as"
                    + " kill-patching-service (default: all).")
    private List<String> only = List.of();

    private final ToIntFunction<Arguments> run;

    DrillsCommand(ToIntFunction<Arguments> run) {
        this.run = run;
    }

    @Override
    public Integer call() {
        DrillSizes sizes = DrillSizes.defaults();
        if (vms != null || accounts != null) {
            sizes = sizes.withFleet(vms != null ? vms : sizes.vms(), accounts != null ? accounts : sizes.accounts());
        }
        if (faultAfterSeconds != null) {
            sizes = sizes.withFaultAfter(Duration.ofSeconds(faultAfterSeconds));
        }
        if (sizes.vms() < 1 || sizes.accounts() < 1 || sizes.vms() < sizes.accounts()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "need at least one VM per account: " + sizes.vms() + " VMs, " + sizes.accounts() + " accounts");
        }
        Set<String> chosen = new LinkedHashSet<>(only);
        List<String> known = Drills.select(Set.of()).stream()
                .flatMap(drill -> Stream.of(drill.group(), drill.name()))
                .distinct()
                .toList();
        chosen.stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw new ParameterException(spec.commandLine(), "--only knows " + known + ", not " + name);
        });
        return run.applyAsInt(new Arguments(root, sizes, chosen));
    }
}
