package io.crosspatch.bench;

import io.crosspatch.bench.cli.WholeNumber;
import io.crosspatch.bench.drill.DrillSizes;
import io.crosspatch.bench.drill.Drills;
import io.crosspatch.launcher.cli.CommonOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    private final CommonOptions common = new CommonOptions();

    @Option(
            names = "--vms",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "VMs of each drill's storm (default: 400).")
    private @Nullable Integer vms;

    @Option(
            names = "--accounts",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "Cloud accounts they spread over (default: 12).")
    private @Nullable Integer accounts;

    @Option(
            names = "--fault-after-seconds",
            paramLabel = "SECONDS",
            description = "From the storm's first POST to the mid-storm fault (default: 8).")
    private @Nullable Long faultAfterSeconds;

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
            throw common.usageError(
                    "need at least one VM per account: " + sizes.vms() + " VMs, " + sizes.accounts() + " accounts");
        }
        Set<String> chosen = new LinkedHashSet<>(only);
        List<String> known = Drills.select(Set.of()).stream()
                .flatMap(drill -> Stream.of(drill.group(), drill.name()))
                .distinct()
                .toList();
        chosen.stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw common.usageError("--only knows " + known + ", not " + name);
        });
        return run.applyAsInt(new Arguments(common.root(), sizes, chosen));
    }
}
