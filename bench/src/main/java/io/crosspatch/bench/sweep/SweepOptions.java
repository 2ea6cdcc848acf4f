package io.crosspatch.bench.sweep;

import java.time.Duration;

/**
 * The sizes and knobs of the compliance-sweep benchmark, each a command-line option whose default is the issue's
 * figure (100,000 managed nodes across 100 accounts, 100 dashboard clients).
 *
 * @param nodes                   managed nodes to seed ({@code --sweep-nodes})
 * @param accounts                cloud accounts they spread over, one system account each ({@code --sweep-accounts})
 * @param dashboardClients        concurrent dashboard clients during the sweep ({@code --dashboard-clients})
 * @param seedParallelism         enrollments in flight while seeding ({@code --seed-parallelism})
 * @param complianceInterval      patching-service's pause between compliance sweeps ({@code --compliance-interval}, s)
 * @param complianceConcurrency   accounts patching-service collects side by side ({@code --compliance-concurrency})
 * @param simulatorHeap           the simulator's {@code -Xmx} ({@code --simulator-heap}); at least 3g at 100,000 nodes
 * @param limitsDuringSweep       whether the simulator's default AWS rate limits are on for the sweep
 *                                ({@code --sweep-limits on|off}); always off while seeding
 * @param timeout                 how long seeding and the sweep may each take before the run gives up
 *                                ({@code --sweep-timeout}, minutes)
 */
public record SweepOptions(
        int nodes,
        int accounts,
        int dashboardClients,
        int seedParallelism,
        Duration complianceInterval,
        int complianceConcurrency,
        String simulatorHeap,
        boolean limitsDuringSweep,
        Duration timeout) {

    public SweepOptions {
        if (nodes < 1 || accounts < 1 || nodes < accounts) {
            throw new IllegalArgumentException(
                    "need at least one node per account: " + nodes + " nodes, " + accounts + " accounts");
        }
        if (nodes > accounts * 1000L) {
            // SSM's quota the simulator enforces: 1,000 hybrid nodes per account and region
            throw new IllegalArgumentException(
                    nodes + " nodes do not fit " + accounts + " accounts of 1,000 hybrid nodes each");
        }
        if (dashboardClients < 0 || seedParallelism < 1 || complianceConcurrency < 1) {
            throw new IllegalArgumentException("clients, parallelism and concurrency must be positive");
        }
    }

    public static SweepOptions defaults() {
        return new SweepOptions(100_000, 100, 100, 64, Duration.ofSeconds(10), 16, "3g", true, Duration.ofMinutes(120));
    }

    /** Reads the options this benchmark knows from {@code args}; others (another benchmark's) are left alone. */
    public static SweepOptions parse(String[] args) {
        return SweepArguments.parse(args);
    }

    /**
     * The simulator keeps every node, its patch records and reports in memory: 3 GiB fits 100,000 (measured per node
     * by the benchmark itself, see its report); small development fleets need no more than the platform's default.
     */
    static String defaultHeap(int nodes) {
        return nodes > 20_000 ? "3g" : nodes > 2_000 ? "1g" : "512m";
    }
}
