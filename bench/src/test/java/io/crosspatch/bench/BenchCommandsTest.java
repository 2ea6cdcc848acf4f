package io.crosspatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandsTest {

    private static final String REPOSITORY =
            Path.of("..").toAbsolutePath().normalize().toString();

    private final List<Object> ran = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int benchmarks(String... args) {
        return execute(
                new BenchmarksCommand(arguments -> {
                    ran.add(arguments);
                    return 0;
                }),
                args);
    }

    private int drills(String... args) {
        return execute(
                new DrillsCommand(arguments -> {
                    ran.add(arguments);
                    return 0;
                }),
                args);
    }

    private int execute(Callable<Integer> command, String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void benchmarksHelpListsEveryOptionWithoutRunning() {
        assertThat(benchmarks("--help")).isZero();

        assertThat(out.toString())
                .contains(
                        "Usage: run-benchmarks.sh",
                        "--only=LIST",
                        "--storm-vms=N",
                        "--cassandra-lwt-writes=N",
                        "--sweep-nodes=N",
                        "--sweep-limits=on|off",
                        "--report-dir=DIR");
        assertThat(ran).isEmpty();
    }

    @Test
    void benchmarksRefuseAMistypedOptionWithStatusTwo() {
        assertThat(benchmarks(REPOSITORY, "--storm-vmz", "300")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown options: '--storm-vmz', '300'", "--storm-vms");
        assertThat(ran).isEmpty();
    }

    @Test
    void benchmarksRefuseValuesTheyCannotRun() {
        assertThat(benchmarks(REPOSITORY, "--storm-vms", "ten")).isEqualTo(2);
        assertThat(err.toString()).contains("'ten' is not a whole number");
        assertThat(benchmarks(REPOSITORY, "--sweep-limits", "maybe")).isEqualTo(2);
        assertThat(benchmarks(REPOSITORY, "--sweep-nodes", "100001")).isEqualTo(2);
        assertThat(err.toString()).contains("1,000 hybrid nodes");
        assertThat(ran).isEmpty();
    }

    @Test
    void benchmarksRefuseARootThatIsNotTheRepository() {
        assertThat(benchmarks(REPOSITORY + "/bench")).isEqualTo(2);

        assertThat(err.toString()).contains("is not the Crosspatch repository root");
        assertThat(ran).isEmpty();
    }

    @Test
    void benchmarksRunWithSizesWrittenAsPeopleWriteThem() {
        assertThat(benchmarks(REPOSITORY, "--only", "storm", "--storm-vms", "2_000", "--sweep-nodes", "3,000"))
                .isZero();

        assertThat(ran).singleElement().isInstanceOfSatisfying(BenchmarkArguments.class, arguments -> {
            assertThat(arguments.root()).isEqualTo(Path.of(REPOSITORY));
            assertThat(arguments.only()).containsExactly("storm");
            assertThat(arguments.storm().vms()).isEqualTo(2_000);
            assertThat(arguments.sweep().nodes()).isEqualTo(3_000);
        });
    }

    @Test
    void drillsHelpListsEveryOptionWithoutRunning() {
        assertThat(drills("--help")).isZero();

        assertThat(out.toString())
                .contains("Usage: run-drills.sh", "--vms=N", "--accounts=N", "--fault-after-seconds", "--only=LIST");
        assertThat(ran).isEmpty();
    }

    @Test
    void drillsRefuseAMistypedOptionAndADrillThatDoesNotExist() {
        assertThat(drills(REPOSITORY, "--vmss", "8")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--vmss', '8'");
        assertThat(drills(REPOSITORY, "--only", "kill,kafka-restrat")).isEqualTo(2);
        assertThat(err.toString()).contains("not kafka-restrat");
        assertThat(ran).isEmpty();
    }

    @Test
    void drillsWithoutARootRefuseToStartOutsideTheRepository() {
        // the tests run in bench/, which is not the repository's root; the root defaults to the current directory
        assertThat(drills("--vms", "40")).isEqualTo(2);

        assertThat(err.toString()).contains("is not the Crosspatch repository root", "run it from the repository");
        assertThat(ran).isEmpty();
    }

    @Test
    void everyCommandTakesTheSameRootAndHelpOptions() {
        assertThat(drills("-h")).isZero();
        assertThat(benchmarks("-h")).isZero();

        assertThat(out.toString())
                .contains("Usage: run-drills.sh", "Usage: run-benchmarks.sh")
                .containsPattern("(?s)run-drills.sh.*\\[ROOT\\].*run-benchmarks.sh.*\\[ROOT\\]")
                .contains("The repository root (default: the current directory).");
        assertThat(ran).isEmpty();
    }

    @Test
    void drillsRunTheChosenGroupsAtTheGivenSizes() {
        assertThat(drills(REPOSITORY, "--vms", "40", "--accounts", "4", "--only", "kill,kafka-restart"))
                .isZero();

        assertThat(ran).singleElement().isInstanceOfSatisfying(DrillsCommand.Arguments.class, arguments -> {
            assertThat(arguments.sizes().vms()).isEqualTo(40);
            assertThat(arguments.sizes().accounts()).isEqualTo(4);
            assertThat(arguments.only()).containsExactly("kill", "kafka-restart");
        });
    }
}
