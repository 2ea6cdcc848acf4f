package io.crosspatch.identity.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.bootstrap.domain.StartupScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The startup script's own checks. That it really enrolls a VM on each of the four clouds and registers the agent
 * is proven end to end (launcher's WholePlatformEndToEndTest runs it against the simulator's metadata services).
 */
class StartupScriptTest {

    private static final Path SCRIPT = Path.of("src", "main", "resources", "bootstrap", "linux.sh");

    @Test
    void isCleanUnderShellcheck() throws Exception {
        Process shellcheck = new ProcessBuilder("shellcheck", "--severity=style", SCRIPT.toString())
                .redirectErrorStream(true).start();
        String findings = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shellcheck.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shellcheck.exitValue()).as(findings).isZero();
    }

    @Test
    void fillsInTheServerAndAudienceThatArePlainUrls() throws IOException {
        String script = new StartupScript(template()).render(Optional.of("https://crosspatch.example.com"),
                Optional.of("https://crosspatch.example.com/gcp"));
        assertThat(script).contains("readonly DEFAULT_SERVER=\"https://crosspatch.example.com\"")
                .contains("readonly DEFAULT_GCP_AUDIENCE=\"https://crosspatch.example.com/gcp\"");
    }

    @Test
    void leavesThePlaceholderRatherThanInjectShellFromAForgedHostHeader() throws IOException {
        String script = new StartupScript(template()).render(Optional.of("http://evil\"$(touch /tmp/pwned)\""), Optional.empty());
        assertThat(script).doesNotContain("pwned").contains("readonly DEFAULT_SERVER=\"@CROSSPATCH_URL@\"");
    }

    @Test
    void refusesToEnrollWithoutAServerAndSaysHow() throws Exception {
        Process run = new ProcessBuilder("bash", SCRIPT.toString(), "--provider", "gcp").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(2);
        assertThat(output).contains("no Crosspatch server: pass --server URL or set CROSSPATCH_URL");
    }

    private static String template() throws IOException {
        return Files.readString(SCRIPT);
    }
}
