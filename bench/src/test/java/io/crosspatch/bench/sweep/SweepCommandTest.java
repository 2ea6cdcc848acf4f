package io.crosspatch.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SweepCommandTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final List<SweepOptions> ran = new ArrayList<>();
    private final List<Path> roots = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int sweep(String... args) {
        return new CommandLine(new SweepCommand((root, options) -> {
                    roots.add(root);
                    ran.add(options);
                    return 0;
                }))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void helpListsTheRootAndTheSweepsOptionsWithoutRunning() {
        assertThat(sweep("--help")).isZero();

        assertThat(out.toString())
                .contains("Usage: SweepBenchmark", "[ROOT]", "--sweep-nodes=N", "--sweep-limits=on|off");
        assertThat(ran).isEmpty();
    }

    @Test
    void refusesAMistypedOptionAndARootThatIsNotTheRepository() {
        assertThat(sweep(REPOSITORY.toString(), "--sweep-nodez", "300")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--sweep-nodez', '300'");
        assertThat(sweep(REPOSITORY.resolve("bench").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not the Crosspatch repository root");
        assertThat(ran).isEmpty();
    }

    @Test
    void runsOnTheGivenRootWithTheGivenSizes() {
        assertThat(sweep(REPOSITORY.toString(), "--sweep-nodes", "2,000", "--sweep-accounts", "20"))
                .isZero();

        assertThat(roots).containsExactly(REPOSITORY);
        assertThat(ran).singleElement().satisfies(options -> {
            assertThat(options.nodes()).isEqualTo(2_000);
            assertThat(options.accounts()).isEqualTo(20);
        });
    }
}
