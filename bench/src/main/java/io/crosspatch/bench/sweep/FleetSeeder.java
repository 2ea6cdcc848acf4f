package io.crosspatch.bench.sweep;

import io.crosspatch.bench.fleet.BenchFleet;
import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.FleetVm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the sweep's managed nodes through the real pipeline: onboards the accounts, then chunk by chunk creates the
 * simulated VMs and POSTs their enrollments, while a follower thread polls the previous chunks' statuses in rounds
 * (registering each agent once its activation is there) until they are REGISTERED. Enrolling and following overlap,
 * so the services always have work, but at most {@link #CHUNKS_AHEAD} chunks are enrolled ahead of the one being
 * followed: POSTing a whole 100,000-node fleet at once (the ingress accepts ~100/s, the pipeline registers ~35/s)
 * buried the pipeline's stages under a backlog that took the machine's cores from them. The chunks are a multiple of
 * the account count so that VMs spread evenly and no account exceeds SSM's 1,000 hybrid nodes.
 */
final class FleetSeeder {

    private static final Logger log = LoggerFactory.getLogger(FleetSeeder.class);
    private static final int CHUNK_TARGET = 5_000;
    /** Chunks enrolled but not yet followed to REGISTERED, at most. */
    private static final int CHUNKS_AHEAD = 2;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** How long the follower waits for one chunk before moving on to the next (stragglers are followed at the end). */
    private static final Duration CHUNK_PATIENCE = Duration.ofMinutes(10);

    /**
     * The seeded fleet: every accepted enrollment, how many ended at each stage, the registered nodes' managed
     * instance ids by enrollment id, POST→202 latencies, and how long it all took.
     */
    record Seeded(
            List<BenchFleet.Enrolled> enrolled,
            Map<String, Long> stageCounts,
            Map<String, String> managedInstanceIds,
            int postFailures,
            Latencies accepted,
            Duration took) {

        int registered() {
            return managedInstanceIds.size();
        }
    }

    private final BenchFleet fleet;
    private final SweepOptions options;

    FleetSeeder(BenchFleet fleet, SweepOptions options) {
        this.fleet = fleet;
        this.options = options;
    }

    Seeded seed() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.timeout().toNanos();
        fleet.onboard(Math.min(16, options.accounts()));
        List<CloudAccountSpec> accounts = fleet.accounts();
        int chunk = Math.max(1, CHUNK_TARGET / accounts.size()) * accounts.size();
        List<BenchFleet.Enrolled> enrolled = Collections.synchronizedList(new ArrayList<>(options.nodes()));
        Latencies accepted = new Latencies();
        ExecutorService follower = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "seed-follower"));
        List<Future<?>> following = new ArrayList<>();
        AtomicLong lastProgress = new AtomicLong();
        try {
            for (int from = 0, index = 0; from < options.nodes(); from += chunk, index++) {
                if (index >= CHUNKS_AHEAD) {
                    following
                            .get(index - CHUNKS_AHEAD)
                            .get(); // keeps the backlog bounded (a chunk waits 10 min at most)
                }
                int size = Math.min(chunk, options.nodes() - from);
                List<FleetVm> vms = fleet.createVms(accounts, size, 1_000L + index, options.seedParallelism());
                List<BenchFleet.Enrolled> posted = fleet.enroll(vms, options.seedParallelism(), accepted);
                enrolled.addAll(posted);
                log.info(
                        "seeding: {} of {} VMs created and enrolled ({} s), stages {}",
                        from + size,
                        options.nodes(),
                        seconds(start),
                        fleet.stageCounts(snapshot(enrolled)));
                following.add(follower.submit(() -> {
                    fleet.awaitStage(
                            posted,
                            "REGISTERED",
                            true,
                            options.seedParallelism(),
                            remaining(deadline, CHUNK_PATIENCE),
                            counts -> progress(enrolled, start, lastProgress));
                    return null;
                }));
            }
            for (Future<?> chunkFollowed : following) {
                chunkFollowed.get();
            }
            // a chunk the follower gave up on (a slow straggler) must not hold up the ones after it: follow the rest
            Map<String, String> registered = fleet.managedInstanceIds();
            List<BenchFleet.Enrolled> stragglers = snapshot(enrolled).stream()
                    .filter(one -> !registered.containsKey(one.enrollmentId()))
                    .toList();
            if (!stragglers.isEmpty()) {
                log.info("seeding: following {} enrollments not yet REGISTERED", stragglers.size());
                fleet.awaitStage(
                        stragglers,
                        "REGISTERED",
                        true,
                        options.seedParallelism(),
                        remaining(deadline, options.timeout()),
                        counts -> progress(enrolled, start, lastProgress));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("following the enrollments failed", e.getCause());
        } finally {
            follower.shutdownNow();
        }
        List<BenchFleet.Enrolled> all = snapshot(enrolled);
        Map<String, Long> counts = fleet.stageCounts(all);
        log.info(
                "seeding done in {} s: stages {}, {} POSTs failed, requests sent again {}",
                seconds(start),
                counts,
                fleet.postFailures(),
                fleet.clientRetries());
        return new Seeded(
                all,
                counts,
                fleet.managedInstanceIds(),
                fleet.postFailures(),
                accepted,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void progress(List<BenchFleet.Enrolled> enrolled, long start, AtomicLong lastProgress) {
        long now = System.nanoTime();
        long last = lastProgress.get();
        if (now - last >= PROGRESS_EVERY.toNanos() && lastProgress.compareAndSet(last, now)) {
            log.info("seeding: {} s, stages {}", seconds(start), fleet.stageCounts(snapshot(enrolled)));
        }
    }

    /** A copy taken under the list's lock: the follower reads while the main thread adds the next chunk. */
    private static List<BenchFleet.Enrolled> snapshot(List<BenchFleet.Enrolled> enrolled) {
        synchronized (enrolled) {
            return List.copyOf(enrolled);
        }
    }

    private static Duration remaining(long deadlineNanos, Duration atMost) {
        Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        return left.compareTo(atMost) < 0 ? left : atMost;
    }

    private static long seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }
}
