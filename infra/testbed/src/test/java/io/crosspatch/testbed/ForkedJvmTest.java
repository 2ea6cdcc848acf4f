package io.crosspatch.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedJvmTest {

    private static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    Path workDir;

    @Test
    void childDiesWhenParentIsKilled() throws Exception {
        // given a parent JVM that has forked a child which would otherwise run forever
        Path pidFile = workDir.resolve("child.pid");
        Process parent = new ProcessBuilder(
                        JavaRuntimes.current().toString(),
                        "-cp",
                        CLASSPATH,
                        ForkingParentMain.class.getName(),
                        workDir.toString(),
                        pidFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("parent.log").toFile())
                .start();
        long childPid = -1;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile));
            childPid = Long.parseLong(Files.readString(pidFile).trim());
            assertThat(Processes.isAlive(childPid)).isTrue();

            // when the parent is killed with SIGKILL, so that none of its shutdown hooks run
            parent.destroyForcibly();
            assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

            // then the child notices and goes too
            long pid = childPid;
            await().atMost(Duration.ofSeconds(5)).until(() -> !Processes.isAlive(pid));
        } finally {
            parent.destroyForcibly();
            Processes.kill(childPid);
        }
    }

    @Test
    void stopLeavesNoProcessBehind() {
        // given a running child
        ForkedJvm child = sleeper(SleepingMain.class).start();
        assertThat(Processes.isAlive(child.pid())).isTrue();

        // when
        child.stop();

        // then
        assertThat(Processes.isAlive(child.pid())).isFalse();
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void stopKillsAChildThatDoesNotShutDown() {
        // given a child whose shutdown hangs
        ForkedJvm child = sleeper(SigtermIgnoringMain.class)
                .stopGracePeriod(Duration.ofSeconds(1))
                .start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(child.logFile()).contains(SigtermIgnoringMain.READY));

        // when
        child.stop();

        // then it was killed (SIGKILL, 128 + 9) after the grace period
        assertThat(Processes.isAlive(child.pid())).isFalse();
        assertThat(child.exitValue()).isEqualTo(137);
    }

    @Test
    void startUpFailureReportsTheEndOfTheChildsLog() {
        // given a child that fails at start-up, explaining why on its console
        ForkedJvm child = sleeper(FailingMain.class)
                .args(List.of("no space left on /var/lib/cassandra"))
                .start();

        // when waiting for it to become ready, then the failure carries its exit code and its last words
        assertThatThrownBy(() -> Readiness.await(child, Duration.ofSeconds(30), () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code " + FailingMain.EXIT_CODE)
                .hasMessageContaining("Fatal: no space left on /var/lib/cassandra");
    }

    private ForkedJvm.Builder sleeper(Class<?> mainClass) {
        return ForkedJvm.builder(mainClass.getSimpleName())
                .classpath(List.of(CLASSPATH))
                .mainClass(mainClass.getName())
                .workingDir(workDir)
                .logFile(workDir.resolve(mainClass.getSimpleName() + ".log"));
    }
}
