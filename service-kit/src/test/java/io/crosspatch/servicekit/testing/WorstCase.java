package io.crosspatch.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Feeds an input check its worst case and asserts it stays cheap and linear: the full-size input answers within a
 * generous bound, and four times the input costs less than eight times as much (a quadratic check costs sixteen
 * times). Costs are the calling thread's CPU time, best of a few runs, so other work on a shared machine does not
 * make the test flaky. A first run over the bound fails at once, so a quadratic check is caught without waiting for
 * all its runs.
 */
public final class WorstCase {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int RUNS = 5;
    private static final Duration SLACK = Duration.ofMillis(2);

    private WorstCase() {}

    /**
     * Asserts {@code check} of {@code input(size)} costs less than {@code bound}, and of {@code input(size)} less
     * than eight times {@code input(size / 4)} (plus a little slack for timer resolution). Exceptions the check
     * throws (its rejections) are its answer, not a failure.
     */
    public static void assertCheapAndLinear(
            IntFunction<String> input, int size, Consumer<String> check, Duration bound) {
        String small = input.apply(size / 4);
        String large = input.apply(size);
        for (int i = 0; i < 20; i++) {
            run(check, input.apply(size / 16));
        }
        Duration first = cost(check, large);
        assertThat(first).as("first run on %,d characters", large.length()).isLessThan(bound);
        Duration largeCost = best(check, large);
        Duration smallCost = best(check, small);
        assertThat(largeCost)
                .as("cost of %,d characters against %,d characters (%s)", large.length(), small.length(), smallCost)
                .isLessThan(smallCost.multipliedBy(8).plus(SLACK));
    }

    /** The least CPU time {@code check} took on {@code text} over a few runs. */
    public static Duration best(Consumer<String> check, String text) {
        Duration best = cost(check, text);
        for (int i = 1; i < RUNS; i++) {
            Duration next = cost(check, text);
            best = next.compareTo(best) < 0 ? next : best;
        }
        return best;
    }

    /** The CPU time (wall time where the JVM cannot measure it) one run of {@code check} on {@code text} took. */
    public static Duration cost(Consumer<String> check, String text) {
        boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
        long start = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        run(check, text);
        long end = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        return Duration.ofNanos(end - start);
    }

    private static void run(Consumer<String> check, String text) {
        try {
            check.accept(text);
        } catch (RuntimeException refused) {
            // a rejection is the check's answer
        }
    }
}
