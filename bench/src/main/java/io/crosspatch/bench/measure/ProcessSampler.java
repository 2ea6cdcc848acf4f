package io.crosspatch.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CPU and memory per process of the platform while a scenario runs, read from {@code /proc} once a second: CPU time
 * (user + system) used during the window and its average share of one core, peak and average resident memory.
 * Pids are asked for at every sample, so a process a drill restarted is followed under its new pid and its CPU time
 * is added up across both lives.
 */
public final class ProcessSampler implements AutoCloseable {

    /** What one process used during the window. {@code cpuPercent} is of one core (200 % = both cores busy). */
    public record Usage(double cpuSeconds, double cpuPercent, double peakRssMiB, double averageRssMiB) {}

    /** Linux's USER_HZ: {@code /proc/<pid>/stat} counts CPU time in these ticks. 100 on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Supplier<Map<String, Long>> pids;
    private final Duration interval;
    private final long startedNanos = System.nanoTime();
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long stoppedNanos;

    private ProcessSampler(Supplier<Map<String, Long>> pids, Duration interval) {
        this.pids = pids;
        this.interval = interval;
        sample();
        this.thread = new Thread(this::loop, "process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public static ProcessSampler start(Supplier<Map<String, Long>> pids) {
        return new ProcessSampler(pids, Duration.ofSeconds(1));
    }

    /** Stops sampling (once) and answers the usage per process name, in the order first seen. */
    public Map<String, Usage> stop() {
        if (running) {
            running = false;
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
            stoppedNanos = System.nanoTime();
        }
        double seconds = (stoppedNanos - startedNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        tracked.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> usage.put(entry.getKey(), entry.getValue().usage(seconds)));
        return usage;
    }

    /** The usage as table rows for a report: process, CPU s, CPU %, peak and average RSS. */
    public static List<Map<String, Object>> rows(Map<String, Usage> usage) {
        List<Map<String, Object>> rows = new ArrayList<>();
        usage.forEach((name, use) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("process", name);
            row.put("CPU s", use.cpuSeconds());
            row.put("CPU % of a core", use.cpuPercent());
            row.put("peak RSS MiB", use.peakRssMiB());
            row.put("avg RSS MiB", use.averageRssMiB());
            rows.add(row);
        });
        return rows;
    }

    public static List<String> columns() {
        return List.of("process", "CPU s", "CPU % of a core", "peak RSS MiB", "avg RSS MiB");
    }

    @Override
    public void close() {
        stop();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private void sample() {
        Map<String, Long> current;
        try {
            current = pids.get();
        } catch (RuntimeException e) {
            return; // the platform is between states (a restart); the next sample catches up
        }
        current.forEach((name, pid) ->
                tracked.computeIfAbsent(name, key -> new Tracked()).sample(pid));
    }

    /** One named process across restarts: the CPU ticks of each pid it had, and its RSS samples. */
    private static final class Tracked {
        private final Map<Long, long[]> ticksByPid = new LinkedHashMap<>(); // pid → {first, last}
        private double peakRssMiB;
        private double rssSum;
        private long rssSamples;

        synchronized void sample(long pid) {
            Path proc = Path.of("/proc", Long.toString(pid));
            try {
                long ticks = cpuTicks(Files.readString(proc.resolve("stat")));
                ticksByPid.computeIfAbsent(pid, p -> new long[] {ticks, ticks})[1] = ticks;
                double rss = rssMiB(Files.readAllLines(proc.resolve("status")));
                peakRssMiB = Math.max(peakRssMiB, rss);
                rssSum += rss;
                rssSamples++;
            } catch (IOException | RuntimeException e) {
                // the process just exited (killed by a drill, or stopping): its last sample stands
            }
        }

        synchronized Usage usage(double windowSeconds) {
            // a pid first seen mid-window started then: all its ticks count
            long ticks = 0;
            boolean first = true;
            for (long[] range : ticksByPid.values()) {
                ticks += first ? range[1] - range[0] : range[1];
                first = false;
            }
            double cpuSeconds = ticks / TICKS_PER_SECOND;
            return new Usage(
                    cpuSeconds,
                    windowSeconds <= 0 ? 0 : 100.0 * cpuSeconds / windowSeconds,
                    peakRssMiB,
                    rssSamples == 0 ? 0 : rssSum / rssSamples);
        }

        /** utime + stime: fields 14 and 15, counted after the command name, which may itself hold spaces. */
        private static long cpuTicks(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static double rssMiB(List<String> status) {
            for (String line : status) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return 0;
        }
    }
}
