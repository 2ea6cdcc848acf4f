package io.crosspatch.testbed;

import java.time.Duration;

/**
 * Waits until a forked server answers a real request, failing fast (with the tail of its log) if the process dies
 * first, and failing with the last probe error if it never becomes ready.
 */
public final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** A check that the server serves requests; it must return within a second or two. */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws Exception;
    }

    private Readiness() {}

    public static void await(ForkedJvm jvm, Duration timeout, Probe probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastError = null;
        while (true) {
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastError = e;
            }
            // Waiting on the process doubles as the pause between probes and notices a crash at once.
            if (jvm.waitForExit(POLL_INTERVAL)) {
                throw jvm.failure(jvm.name() + " exited with code " + jvm.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw jvm.failure(jvm.name() + " was not ready within " + timeout.toSeconds() + " s", lastError);
            }
        }
    }
}
