package io.crosspatch.testbed;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tells whether a Docker engine actually answers. A {@code docker} client alone proves nothing (on the build machines
 * the client is installed and no engine runs), so this asks the engine itself with {@code docker info}.
 */
final class Docker {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Docker() {}

    static boolean isUsable() throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("docker", "info")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return false;
        }
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
