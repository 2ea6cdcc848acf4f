package io.crosspatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalPlatformCommandTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final List<LocalPlatformCommand.Settings> started = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int runLocal(String... args) {
        return new CommandLine(new LocalPlatformCommand(started::add))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void helpPrintsEveryOptionAndStartsNothing() {
        int status = runLocal("--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("Usage: run-local.sh", "--fleet=N", "--day-seconds=S", "ROOT");
        assertThat(started).isEmpty();
    }

    @Test
    void refusesAMistypedOptionInsteadOfTakingItForTheRoot() {
        int status = runLocal(REPOSITORY.toString(), "--flet", "8");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--flet', '8'", "Possible solutions: --fleet");
        assertThat(started).isEmpty();
    }

    @Test
    void refusesAMistypedOptionWithoutARootToo() {
        int status = runLocal("--flet", "8");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("'8' is not the Crosspatch repository root", "--fleet=N");
        assertThat(started).isEmpty();
    }

    @Test
    void refusesAValueThatIsNotANumberOrIsNegative() {
        assertThat(runLocal(REPOSITORY.toString(), "--fleet", "many")).isEqualTo(2);
        assertThat(err.toString()).contains("--fleet", "'many'");
        assertThat(runLocal(REPOSITORY.toString(), "--day-seconds", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--day-seconds must be 0 or more");
        assertThat(started).isEmpty();
    }

    @Test
    void refusesADirectoryThatIsNotTheRepository() {
        int status = runLocal(REPOSITORY.resolve("launcher").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("is not the Crosspatch repository root");
        assertThat(started).isEmpty();
    }

    @Test
    void refusesToStartOutsideTheRepositoryWhenNoRootIsGiven() {
        // the tests run in launcher/, which is not the repository's root
        int status = runLocal("--fleet", "8");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("is not the Crosspatch repository root", "run it from the repository");
        assertThat(started).isEmpty();
    }

    @Test
    void startsWithTheGivenFleetAndDayLength() {
        int status = runLocal(REPOSITORY.toString(), "--fleet", "8", "--day-seconds", "1");

        assertThat(status).isZero();
        assertThat(started).containsExactly(new LocalPlatformCommand.Settings(REPOSITORY, 8, 1));
    }

    @Test
    void defaultsToTheDemoFleetOfTwoHundredVmsAndTwoSecondDays() {
        runLocal(REPOSITORY.toString());

        assertThat(started).containsExactly(new LocalPlatformCommand.Settings(REPOSITORY, 200, 2));
    }
}
