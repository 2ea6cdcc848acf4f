package io.crosspatch.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's live heap, from {@code jcmd <pid> GC.class_histogram}: it collects first, so its total is what is still
 * reachable — the right measure of what the simulator keeps per node (RSS would count garbage and never shrinks).
 */
final class LiveHeap {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private LiveHeap() {}

    /** Live bytes of the JVM {@code pid}; empty when jcmd is missing or the JVM did not answer. */
    static OptionalLong bytes(long pid) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            byte[] output = jcmd.getInputStream().readAllBytes();
            if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
                return OptionalLong.empty();
            }
            return parseTotal(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The bytes of the histogram's last line, {@code Total <instances> <bytes>}. */
    static OptionalLong parseTotal(String histogram) {
        Matcher matcher = TOTAL.matcher(histogram);
        long bytes = -1;
        while (matcher.find()) {
            bytes = Long.parseLong(matcher.group(1));
        }
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    }
}
