package io.crosspatch.bench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.launcher.JsonHttp;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.FleetEnroller;
import io.crosspatch.launcher.fleet.FleetOs;
import io.crosspatch.launcher.fleet.FleetProvisioning;
import io.crosspatch.launcher.fleet.FleetVm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A benchmark fleet on the local platform: onboards its cloud accounts through identity-service's admin API, creates
 * simulated VMs, enrolls them through the public HTTP API as the startup script would ({@link FleetEnroller}), and
 * follows them — polling statuses in rounds, registering each agent once its activation is there — until they reach
 * a stage. Unlike the demo fleet it is sized for thousands of VMs: every step runs on a bounded pool, and a
 * round of status polls never overlaps the next.
 */
public final class BenchFleet {

    private static final Logger log = LoggerFactory.getLogger(BenchFleet.class);
    private static final List<String> PATCH_GROUPS = List.of("early", "on-time", "late");
    /** Stages in the order an enrollment passes them; REJECTED and FAILED end it anywhere. */
    private static final List<String> ORDER =
            List.of("PENDING", "VERIFIED", "ACCOUNT_READY", "ACTIVATION_ISSUED", "REGISTERED");

    private static final Duration ROUND = Duration.ofSeconds(1);

    /**
     * An accepted enrollment. The secret is what the VM keeps to read its status; {@link #toString()} leaves it out so
     * that it never reaches a log or a report.
     */
    public record Enrolled(
            FleetVm vm,
            String enrollmentId,
            String secret,
            long postedAtEpochMillis,
            long postStartNanos,
            long acceptedNanos) {

        FleetEnroller.Enrollment enrollment() {
            return new FleetEnroller.Enrollment(vm, enrollmentId, secret);
        }

        @Override
        public String toString() {
            return "Enrolled[" + vm.instanceName() + " " + vm.account().key() + " " + enrollmentId + "]";
        }
    }

    private final Platform platform;
    private final List<CloudAccountSpec> accounts;
    private final FleetProvisioning provisioning;
    private final FleetEnroller enroller;
    private final Map<String, String> stages = new ConcurrentHashMap<>();
    private final Map<String, String> managedInstanceIds = new ConcurrentHashMap<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final AtomicInteger postFailures = new AtomicInteger();

    public BenchFleet(Platform platform, List<CloudAccountSpec> accounts) {
        this.platform = platform;
        this.accounts = List.copyOf(accounts);
        JsonHttp http = new JsonHttp();
        this.provisioning = new FleetProvisioning(platform, http, "bench-admin");
        this.enroller = new FleetEnroller(
                http, platform.service(LocalService.IDENTITY), platform.simulatorControl(), Platform.GCP_AUDIENCE);
    }

    public List<CloudAccountSpec> accounts() {
        return accounts;
    }

    /** Onboards every account to its tenant (a PUT: idempotent), default patch group on-time. */
    public void onboard(int parallelism) throws InterruptedException {
        inParallel(accounts, parallelism, provisioning::onboard);
        log.info("onboarded {} cloud accounts", accounts.size());
    }

    /** {@code count} VMs spread round-robin over {@code onAccounts}, random OS and patch group from {@code seed}. */
    public List<FleetVm> createVms(List<CloudAccountSpec> onAccounts, int count, long seed, int parallelism)
            throws InterruptedException {
        Random random = new Random(seed);
        List<VmPlan> plans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CloudAccountSpec account = onAccounts.get(i % onAccounts.size());
            plans.add(new VmPlan(
                    account,
                    FleetOs.values()[random.nextInt(FleetOs.values().length)],
                    PATCH_GROUPS.get(random.nextInt(PATCH_GROUPS.size())),
                    String.format("%s-%d-%06d", account.provider(), seed, i)));
        }
        List<FleetVm> vms = Collections.synchronizedList(new ArrayList<>(count));
        inParallel(plans, parallelism, plan -> vms.add(createVm(plan)));
        return List.copyOf(vms);
    }

    private record VmPlan(CloudAccountSpec account, FleetOs os, String patchGroup, String name) {}

    private FleetVm createVm(VmPlan plan) {
        return provisioning.createVm(plan.account(), plan.os(), plan.patchGroup(), plan.name());
    }

    /**
     * POSTs every VM's enrollment from {@code parallelism} client threads, as fast as the ingress takes them (429 and
     * 503 are retried with back-off, as the script does). Records POST→202 latency into {@code accepted}. A VM whose
     * POST still fails is counted in {@link #postFailures()} and left out of the answer.
     */
    public List<Enrolled> enroll(List<FleetVm> vms, int parallelism, Latencies accepted) throws InterruptedException {
        List<Enrolled> enrolled = Collections.synchronizedList(new ArrayList<>(vms.size()));
        inParallel(vms, parallelism, vm -> {
            long postedAt = System.currentTimeMillis();
            long start = System.nanoTime();
            try {
                FleetEnroller.Enrollment enrollment = enroller.enroll(vm);
                long done = System.nanoTime();
                accepted.recordNanos(done - start);
                stages.put(enrollment.enrollmentId(), "PENDING");
                enrolled.add(new Enrolled(
                        vm,
                        enrollment.enrollmentId(),
                        Objects.requireNonNull(enrollment.secret(), "FleetEnroller.enroll makes the secret"),
                        postedAt,
                        start,
                        done));
            } catch (RuntimeException e) {
                postFailures.incrementAndGet();
                log.warn("enrolling {} failed: {}", vm.instanceName(), e.getMessage());
            }
        });
        return List.copyOf(enrolled);
    }

    /**
     * Polls the enrollments' statuses in rounds (at most one round a second) until each reached {@code target}
     * (e.g. ACTIVATION_ISSUED or REGISTERED) or ended REJECTED/FAILED, or {@code timeout} passed. With
     * {@code registerAgents}, an enrollment showing its activation has its agent registered (once), as the script
     * does. {@code progress} gets the stage counts after each round. Answers the last stage by enrollment id.
     */
    public Map<String, String> awaitStage(
            List<Enrolled> enrolled,
            String target,
            boolean registerAgents,
            int parallelism,
            Duration timeout,
            Consumer<Map<String, Long>> progress)
            throws InterruptedException {
        int targetRank = rank(target);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Boolean> agentRegistered = new ConcurrentHashMap<>();
        List<Enrolled> open = new ArrayList<>(enrolled);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            long roundStart = System.nanoTime();
            inParallel(open, parallelism, one -> poll(one, registerAgents, agentRegistered));
            open.removeIf(one -> isSettled(stages.get(one.enrollmentId()), targetRank));
            progress.accept(stageCounts(enrolled));
            long rest = ROUND.toMillis() - (System.nanoTime() - roundStart) / 1_000_000;
            if (!open.isEmpty() && rest > 0) {
                Thread.sleep(rest);
            }
        }
        Map<String, String> last = new TreeMap<>();
        enrolled.forEach(one -> last.put(one.enrollmentId(), stages.getOrDefault(one.enrollmentId(), "UNKNOWN")));
        return last;
    }

    private void poll(Enrolled one, boolean registerAgents, Map<String, Boolean> agentRegistered) {
        JsonNode status;
        try {
            status = enroller.status(one.enrollment());
        } catch (RuntimeException e) {
            return; // a restarting service (drills) or a slow answer: next round
        }
        String stage = status.path("status").asText("UNKNOWN");
        stages.put(one.enrollmentId(), stage);
        if (stage.equals("REJECTED") || stage.equals("FAILED")) {
            reasons.put(one.enrollmentId(), status.path("reason").asText(""));
        } else if (stage.equals("REGISTERED")) {
            managedInstanceIds.put(
                    one.enrollmentId(), status.path("managedInstanceId").asText());
        } else if (registerAgents
                && stage.equals("ACTIVATION_ISSUED")
                && !agentRegistered.getOrDefault(one.enrollmentId(), false)) {
            try {
                enroller.registerAgent(one.enrollment(), status)
                        .ifPresent(instanceId -> agentRegistered.put(one.enrollmentId(), true));
            } catch (RuntimeException e) {
                log.debug("registering the agent of {} failed, retrying next round: {}", one, e.getMessage());
            }
        }
    }

    private static boolean isSettled(@Nullable String stage, int targetRank) {
        return stage != null && (stage.equals("REJECTED") || stage.equals("FAILED") || rank(stage) >= targetRank);
    }

    private static int rank(String stage) {
        return ORDER.indexOf(stage);
    }

    /** How many of {@code enrolled} are at each stage. */
    public Map<String, Long> stageCounts(List<Enrolled> enrolled) {
        Map<String, Long> counts = new TreeMap<>();
        enrolled.forEach(one -> counts.merge(stages.getOrDefault(one.enrollmentId(), "UNKNOWN"), 1L, Long::sum));
        return counts;
    }

    /** Managed instance ids (mi-…) of the enrollments seen REGISTERED, by enrollment id. */
    public Map<String, String> managedInstanceIds() {
        return Map.copyOf(managedInstanceIds);
    }

    /** The reason of each enrollment seen REJECTED or FAILED, by enrollment id. */
    public Map<String, String> failureReasons() {
        return Map.copyOf(reasons);
    }

    public int postFailures() {
        return postFailures.get();
    }

    /** Requests the VMs sent again (busy ingress, dropped connections), by target: see {@link FleetEnroller#retries()}. */
    public Map<String, Long> clientRetries() {
        return enroller.retries();
    }

    /** Moves the simulator's clock, which runs what came due on the way (maintenance windows, scans). */
    public void advanceClock(Duration by) {
        platform.simulatorControl().advanceClock(by);
    }

    /** Runs {@code action} on every item from {@code parallelism} threads; the first failure is rethrown after all ran. */
    private static <T> void inParallel(List<T> items, int parallelism, Consumer<T> action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, items.size())));
        try {
            List<Future<?>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> action.accept(item)));
            }
            RuntimeException first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
