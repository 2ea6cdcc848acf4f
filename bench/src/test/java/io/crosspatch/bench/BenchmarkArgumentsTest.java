package io.crosspatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkArgumentsTest {

    // the root is checked as it is read, so the tests name the repository they run in (from bench/)
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String ROOT = REPOSITORY.toString();

    @Test
    void defaultsToEveryBenchmarkAtTheIssuesSizesWithATimestampedReport() {
        BenchmarkArguments arguments = BenchmarkArguments.parse(ROOT);

        assertThat(arguments.only()).containsExactly("baselines", "storm", "sweep", "dashboard");
        assertThat(arguments.storm().vms()).isEqualTo(10_000);
        assertThat(arguments.storm().accounts()).isEqualTo(200);
        assertThat(arguments.storm().existingAccounts()).isEqualTo(100);
        assertThat(arguments.reportDirectory().getParent())
                .isEqualTo(REPOSITORY.resolve("bench").resolve("reports"));
        assertThat(arguments.reportDirectory().getFileName().toString()).matches("benchmarks-\\d{8}T\\d{6}Z");
    }

    @Test
    void runsOnlyTheChosenBenchmarksAtTheGivenSizes() {
        BenchmarkArguments arguments = BenchmarkArguments.parse(
                ROOT,
                "--only",
                "baselines,storm",
                "--storm-vms",
                "300",
                "--storm-accounts",
                "10",
                "--report-dir",
                "/tmp/r");

        assertThat(arguments.runs("storm")).isTrue();
        assertThat(arguments.runs("sweep")).isFalse();
        assertThat(arguments.storm().vms()).isEqualTo(300);
        assertThat(arguments.storm().existingAccounts()).isEqualTo(5);
        assertThat(arguments.reportDirectory()).isEqualTo(Path.of("/tmp/r"));
    }

    @Test
    void refusesAnUnknownBenchmarkOrOption() {
        assertThatThrownBy(() -> BenchmarkArguments.parse(ROOT, "--only", "storm,drills"))
                .hasMessageContaining("drills");
        assertThatThrownBy(() -> BenchmarkArguments.parse(ROOT, "--storm-size", "3"))
                .hasMessageContaining("--storm-size");
    }

    @Test
    void handsTheSweepItsOwnOptionsAndStillRefusesAMistypedOne() {
        BenchmarkArguments arguments = BenchmarkArguments.parse(
                ROOT,
                "--only",
                "sweep",
                "--sweep-nodes",
                "2000",
                "--sweep-accounts",
                "20",
                "--dashboard-clients",
                "10");

        assertThat(arguments.sweep().nodes()).isEqualTo(2000);
        assertThat(arguments.sweep().accounts()).isEqualTo(20);
        assertThat(arguments.sweep().dashboardClients()).isEqualTo(10);
        assertThat(BenchmarkArguments.parse(ROOT).sweep().nodes()).isEqualTo(100_000);
        assertThatThrownBy(() -> BenchmarkArguments.parse(ROOT, "--sweep-node", "3"))
                .hasMessageContaining("--sweep-node");
    }
}
