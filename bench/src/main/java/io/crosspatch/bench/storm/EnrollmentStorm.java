package io.crosspatch.bench.storm;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.bench.baseline.InfrastructureBaselines.Baselines;
import io.crosspatch.bench.fleet.BenchFleet;
import io.crosspatch.bench.fleet.BenchFleet.Enrolled;
import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.bench.measure.ProcessSampler;
import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.JsonHttp;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.FleetEnroller;
import io.crosspatch.launcher.fleet.FleetVm;
import io.crosspatch.simulator.client.SimulatorControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One enrollment storm on a fresh platform: onboards the cloud accounts, warms the "existing" share of them (one VM
 * each enrolled to ACTIVATION_ISSUED, so their system accounts exist), creates the storm's VMs, then — clock running —
 * POSTs every VM's enrollment from many client threads and waits until each one's activation (or failure) shows up on
 * Kafka ({@link ActivationWatcher}). Latency is from the start of a VM's enrollment to that record's arrival; figures
 * are reported for the whole storm and for new and existing accounts apart, with AWS calls, CPU and memory.
 */
public final class EnrollmentStorm {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentStorm.class);
    private static final int SETUP_PARALLELISM = 16;

    private final Platform platform;
    private final List<CloudAccountSpec> accounts;
    private final StormOptions options;
    private final SimulatorControl simulator;

    public EnrollmentStorm(Platform platform, List<CloudAccountSpec> accounts, StormOptions options) {
        this.platform = platform;
        this.accounts = List.copyOf(accounts);
        this.options = options;
        this.simulator = platform.simulatorControl();
    }

    /**
     * Runs the storm and fills {@code section}.
     *
     * @param baselines    the infrastructure's ceilings measured in this run, or null (no ratios then)
     * @param floorLimits  the limits to compute the theoretical minimum from, or null when the run has none
     */
    public void run(Section section, @Nullable Baselines baselines, TheoreticalMinimum.@Nullable Limits floorLimits)
            throws Exception {
        BenchFleet fleet = new BenchFleet(platform, accounts);
        fleet.onboard(SETUP_PARALLELISM);
        List<CloudAccountSpec> existing = accounts.subList(0, options.existingAccounts());
        Set<String> existingKeys = new HashSet<>();
        existing.forEach(account -> existingKeys.add(account.key()));
        try (ActivationWatcher watcher = ActivationWatcher.start(platform.infrastructureProperties())) {
            warm(fleet, existing, section);
            List<FleetVm> vms = new ArrayList<>(fleet.createVms(accounts, options.vms(), 2, SETUP_PARALLELISM));
            Collections.shuffle(vms, new Random(2)); // accounts interleaved, as many autoscaling groups booting at once
            log.info(
                    "storm: {} VMs on {} accounts ({} existing), clock starts",
                    vms.size(),
                    accounts.size(),
                    existing.size());

            simulator.resetCalls();
            ProcessSampler sampler = ProcessSampler.start(this::processIdsWithClient);
            Latencies accepted = new Latencies();
            long start = System.nanoTime();
            List<Enrolled> enrolled = fleet.enroll(vms, options.clients(), accepted);
            long lastAccepted =
                    enrolled.stream().mapToLong(Enrolled::acceptedNanos).max().orElse(start);
            log.info(
                    "storm: {} enrollments accepted in {} s; waiting for their activations",
                    enrolled.size(),
                    seconds(lastAccepted - start));
            awaitSettled(watcher, enrolled);
            Map<String, ProcessSampler.Usage> usage = sampler.stop();
            List<CallTotals.CallCount> calls = CallTotals.of(simulator.calls());

            StormOutcome outcome = StormOutcome.of(enrolled, watcher, existingKeys, start);
            report(section, outcome, vms.size(), fleet.postFailures(), accepted, lastAccepted - start, baselines);
            section.figures("client requests sent again: ", fleet.clientRetries(), "requests")
                    .note(
                            "Client requests sent again: the VMs (like linux.sh) resend a POST answered 429 or 5xx or whose "
                                    + "connection failed, and re-read a metadata service whose connection failed; each is "
                                    + "latency the VM saw, included in the figures above.");
            reportStages(section, enrolled, watcher, existingKeys);
            reportCalls(section, calls, enrolled.size());
            section.table(
                    "CPU and memory per process during the storm",
                    ProcessSampler.columns(),
                    ProcessSampler.rows(usage));
            if (floorLimits != null) {
                reportFloor(section, floorLimits, vms, existingKeys, outcome.wallNanos());
            }
            verifySample(section, enrolled, watcher);
            section.figure(
                    "enrollment.requested mean value size",
                    TopicSizes.meanValueBytes(platform.infrastructureProperties(), "enrollment.requested"),
                    "bytes");
        }
    }

    private static void reportStages(
            Section section, List<Enrolled> enrolled, ActivationWatcher watcher, Set<String> existingKeys) {
        section.table(
                "Where the time goes: POST → activation by stage (event times of each stage's record)",
                StageBreakdown.columns(),
                StageBreakdown.rows(enrolled, watcher, existingKeys));
        section.figures(
                "activated without a record seen at ", StageBreakdown.missingRecords(enrolled, watcher), "enrollments");
        section.note("Stage times come from each record's occurredAt (the producing service's clock, the same "
                + "machine's): ingress = client start → enrollment.requested; verifier → identity.verified; "
                + "account-service → account.ready; patching-service → instance.activated; delivery = "
                + "instance.activated produced → seen by the bench's consumer. Only activated enrollments whose "
                + "every record was seen count.");
    }

    private static void reportCalls(Section section, List<CallTotals.CallCount> calls, int enrollments) {
        section.note("AWS calls are counted by the simulator from the clock's start to the last activation, "
                + "throttled and failed calls included. DescribeInstanceInformation comes from patching-service's "
                + "registration watcher (every 2 s on the local platform, for pending activations): it grows with "
                + "the storm's duration rather than with its enrollments.");
        section.table(
                "AWS calls during the storm (all accounts)",
                List.of("service", "operation", "calls", "per enrollment"),
                CallTotals.rows(calls, enrollments));
        long totalCalls = calls.stream().mapToLong(CallTotals.CallCount::calls).sum();
        section.figure("AWS calls", totalCalls, "calls")
                .figure(
                        "AWS calls per enrollment",
                        enrollments == 0 ? 0.0 : (double) totalCalls / enrollments,
                        "calls/enrollment");
    }

    /** The platform's processes and this one, whose client threads share the machine with them. */
    private Map<String, Long> processIdsWithClient() {
        Map<String, Long> pids = new LinkedHashMap<>(platform.processIds());
        pids.put("bench (storm clients)", ProcessHandle.current().pid());
        return pids;
    }

    /** Enrolls one VM in each existing account and waits until all of them have their activation. */
    private void warm(BenchFleet fleet, List<CloudAccountSpec> existing, Section section) throws InterruptedException {
        if (existing.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<FleetVm> vms = fleet.createVms(existing, existing.size(), 1, SETUP_PARALLELISM);
        List<Enrolled> enrolled = fleet.enroll(vms, SETUP_PARALLELISM, new Latencies());
        Map<String, String> stages = fleet.awaitStage(
                enrolled,
                "ACTIVATION_ISSUED",
                false,
                SETUP_PARALLELISM,
                options.timeout(),
                counts -> log.debug("warm-up: {}", counts));
        long ready = stages.values().stream()
                .filter(stage -> stage.equals("ACTIVATION_ISSUED") || stage.equals("REGISTERED"))
                .count();
        section.figure("warm-up: existing accounts made", existing.size(), "accounts")
                .figure("warm-up: time", seconds(System.nanoTime() - start), "s");
        section.check(
                "every existing account has its system account before the storm",
                ready == existing.size(),
                ready + " of " + existing.size() + " warm-up enrollments reached ACTIVATION_ISSUED");
        log.info("warm-up: {} of {} existing accounts ready", ready, existing.size());
    }

    private void awaitSettled(ActivationWatcher watcher, List<Enrolled> enrolled) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        List<Enrolled> open = new ArrayList<>(enrolled);
        long nextLog = System.nanoTime();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            open.removeIf(one -> watcher.settled(one.enrollmentId()));
            if (System.nanoTime() >= nextLog) {
                log.info(
                        "storm: {} of {} enrollments still waiting for their activation", open.size(), enrolled.size());
                nextLog = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(100);
        }
    }

    private void report(
            Section section,
            StormOutcome outcome,
            int vms,
            int postFailures,
            Latencies accepted,
            long acceptingNanos,
            @Nullable Baselines baselines) {
        double wall = seconds(outcome.wallNanos());
        double acceptedPerSecond = accepted.count() / Math.max(seconds(acceptingNanos), 1e-9);
        double activationsPerSecond = outcome.activated() / Math.max(wall, 1e-9);
        section.figure("VMs", vms, "VMs")
                .figure("cloud accounts", accounts.size(), "accounts")
                .figure("existing accounts", options.existingAccounts(), "accounts")
                .figure("client threads", options.clients(), "threads")
                .figure("wall time (first POST → last activation or failure)", wall, "s")
                .figure("accepted at the ingress", accepted.count(), "enrollments")
                .figure("accepted/s at the ingress", acceptedPerSecond, "enrollments/s")
                .figure("activations", outcome.activated(), "enrollments")
                .figure("activations/s", activationsPerSecond, "enrollments/s")
                .figure("failed", outcome.failed(), "enrollments")
                .figure("never settled (timeout)", outcome.open(), "enrollments")
                .figure("POSTs that failed", postFailures, "VMs")
                .figures("POST→202 ", accepted.summaryMillis(), "ms")
                .figures("POST→activation available ", outcome.latency().summaryMillis(), "ms");
        outcome.groups()
                .forEach((group, figures) -> section.figure(
                                group + ": activations", figures.latency().count(), "enrollments")
                        .figure(group + ": last activation after", seconds(figures.lastNanos()), "s")
                        .figures(
                                group + ": POST→activation available ",
                                figures.latency().summaryMillis(),
                                "ms"));
        List<Map<String, Object>> failureRows = new ArrayList<>(outcome.failureRows());
        if (postFailures > 0) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", "POST (ingress)");
            row.put(
                    "reason",
                    "not accepted: an HTTP error other than 429/503, or still 429/503 after 8 tries (see the "
                            + "run's log and identity-service.log)");
            row.put("enrollments", postFailures);
            failureRows.add(row);
        }
        section.table("Failures by stage and reason", List.of("stage", "reason", "enrollments"), failureRows);
        section.check(
                "every VM's enrollment was accepted by the ingress",
                postFailures == 0,
                postFailures + " of " + vms + " POSTs failed");
        if (baselines != null) {
            section.figure(
                            "activations/s as % of Cassandra LWT writes/s",
                            percent(activationsPerSecond, baselines.cassandraLwtWritesPerSecond()), "%")
                    .figure(
                            "activations/s as % of Cassandra writes/s",
                            percent(activationsPerSecond, baselines.cassandraWritesPerSecond()), "%")
                    .figure(
                            "activations/s as % of Kafka records/s",
                            percent(activationsPerSecond, baselines.kafkaRecordsPerSecond()), "%")
                    .figure(
                            "accepted/s as % of Kafka records/s",
                            percent(acceptedPerSecond, baselines.kafkaRecordsPerSecond()), "%");
            section.note("The % figures divide the storm's rates by the baselines measured on this platform's Kafka "
                    + "and Cassandra before the storm (see the baseline sections): each enrollment costs several "
                    + "LWTs, writes and acknowledged sends along the pipeline, so 100 % is out of reach by design; the "
                    + "share says how close the pipeline runs to its storage's ceiling on this machine.");
        }
        section.check(
                "every storm enrollment ended (activation or failure) before the timeout",
                outcome.open() == 0,
                outcome.open() + " of " + outcome.enrollments() + " still open after " + options.timeout());
        section.note("POST→202 and POST→activation are measured from the moment the client starts a VM's enrollment, "
                + "which includes reading its signed identity from the simulated metadata service (and, on Azure, "
                + "asking identity-service for a challenge nonce) before the POST itself. \"Activation available\" is "
                + "the arrival of the enrollment's instance.activated (ACTIVATION_ISSUED) record at a consumer of "
                + "its own, read_committed, in the bench process: the record the status view turns into the "
                + "activation it hands out. Statuses are not polled during the storm, so that the measurement adds "
                + "no load to identity-service.");
        section.note("New accounts have no system account when the storm starts: their first enrollment makes "
                + "account-service create one (Organizations CreateAccount) and patching-service reconcile it (SSM "
                + "baselines, patch groups, windows, associations) before any activation. Existing accounts were "
                + "warmed with one enrollment each before the clock started.");
    }

    private static void reportFloor(
            Section section,
            TheoreticalMinimum.Limits limits,
            List<FleetVm> vms,
            Set<String> existingKeys,
            long wallNanos) {
        Map<String, Integer> perAccount = new TreeMap<>();
        vms.forEach(vm -> perAccount.merge(vm.account().key(), 1, Integer::sum));
        List<Integer> newAccounts = new ArrayList<>();
        List<Integer> existingAccounts = new ArrayList<>();
        perAccount.forEach((key, count) -> (existingKeys.contains(key) ? existingAccounts : newAccounts).add(count));
        double floor = TheoreticalMinimum.seconds(limits, newAccounts, existingAccounts);
        double wall = seconds(wallNanos);
        section.figure("theoretical minimum under these limits", floor, "s")
                .figure("wall time ÷ theoretical minimum", floor > 0 ? wall / floor : 0.0, "ratio")
                .figure("limit used: CreateAccount rate", limits.createAccount().ratePerSecond(), "calls/s")
                .figure(
                        "limit used: CreateAccount burst",
                        limits.createAccount().burst(),
                        "calls")
                .figure("limit used: account creations in progress", limits.creationsInProgress(), "creations")
                .figure("limit used: account creation time", limits.creationSeconds(), "s")
                .figure(
                        "limit used: CreateActivation rate per system account",
                        limits.createActivation().ratePerSecond(),
                        "calls/s")
                .figure(
                        "limit used: CreateActivation burst per system account",
                        limits.createActivation().burst(),
                        "calls");
        section.note("Theoretical minimum (TheoreticalMinimum): each limit is the lower of the simulator's "
                + "(GET /_sim/limits) and the services' own pacing (account-service's CreateAccount bucket and "
                + "creations in progress, patching-service's crosspatch.aws.rates.CreateActivation). With "
                + "c = min(CreateAccount rate, creations in progress / creation time), the k-th new account "
                + "(busiest first) is ready at max(0, (k − CreateAccount burst) / c) + creation time; an account's v "
                + "activations take max(0, (v − CreateActivation burst) / CreateActivation rate) more; existing accounts "
                + "are ready at 0. The minimum is the largest ready + activations over the accounts. It counts no "
                + "cost of Crosspatch's own (verification, Cassandra, Kafka, the reconcile's other calls).");
    }

    /** Asks the status API, as each VM would, for a sample of the activated enrollments: it must hand out the code. */
    private void verifySample(Section section, List<Enrolled> enrolled, ActivationWatcher watcher)
            throws InterruptedException {
        List<Enrolled> activated = new ArrayList<>(enrolled.stream()
                .filter(one -> watcher.activated(one.enrollmentId()).isPresent())
                .toList());
        Collections.shuffle(activated, new Random(3));
        List<Enrolled> sample = activated.subList(0, Math.min(options.statusSample(), activated.size()));
        FleetEnroller enroller = new FleetEnroller(
                new JsonHttp(),
                platform.service(LocalService.IDENTITY),
                platform.simulatorControl(),
                Platform.GCP_AUDIENCE);
        int agreeing = 0;
        List<String> disagreeing = new ArrayList<>();
        for (Enrolled one : sample) {
            String seen = statusHandingOutCode(enroller, one);
            if (seen.equals("ACTIVATION_ISSUED")) {
                agreeing++;
            } else {
                disagreeing.add(one.enrollmentId() + "=" + seen);
            }
        }
        section.check(
                "sampled statuses hand out the activation Kafka announced",
                !sample.isEmpty() && agreeing == sample.size(),
                agreeing + " of " + sample.size() + " sampled enrollments answer ACTIVATION_ISSUED with an activation"
                        + (disagreeing.isEmpty()
                                ? ""
                                : "; not: "
                                        + String.join(", ", disagreeing.subList(0, Math.min(5, disagreeing.size())))));
    }

    /** The status the enrollment's VM sees, waiting up to 10 s for the status view to catch up with Kafka. */
    private static String statusHandingOutCode(FleetEnroller enroller, Enrolled one) throws InterruptedException {
        FleetEnroller.Enrollment enrollment = new FleetEnroller.Enrollment(one.vm(), one.enrollmentId(), one.secret());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String seen = "UNKNOWN";
        while (System.nanoTime() < deadline) {
            JsonNode status = enroller.status(enrollment);
            seen = status.path("status").asText("UNKNOWN");
            if (seen.equals("ACTIVATION_ISSUED") && status.path("activation").hasNonNull("activationCode")) {
                return seen;
            }
            Thread.sleep(250);
        }
        return seen;
    }

    private static double percent(double part, double whole) {
        return whole <= 0 ? 0.0 : 100.0 * part / whole;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The figures a storm's enrollments add up to. */
    record StormOutcome(
            int enrollments,
            int activated,
            int failed,
            int open,
            long wallNanos,
            Latencies latency,
            Map<String, GroupFigures> groups,
            List<Map<String, Object>> failureRows) {

        record GroupFigures(Latencies latency, long lastNanos) {}

        static StormOutcome of(
                List<Enrolled> enrolled, ActivationWatcher watcher, Set<String> existingKeys, long start) {
            Latencies all = new Latencies();
            Map<String, Latencies> byGroup = new LinkedHashMap<>();
            Map<String, Long> lastByGroup = new LinkedHashMap<>();
            byGroup.put("new accounts", new Latencies());
            byGroup.put("existing accounts", new Latencies());
            Map<String, Long> failures = new TreeMap<>();
            int activated = 0;
            int failed = 0;
            long last = start;
            for (Enrolled one : enrolled) {
                String group = existingKeys.contains(one.vm().account().key()) ? "existing accounts" : "new accounts";
                var activation = watcher.activated(one.enrollmentId());
                var failure = watcher.failed(one.enrollmentId());
                if (activation.isPresent()) {
                    activated++;
                    long seen = activation.get().seenNanos();
                    all.recordNanos(seen - one.postStartNanos());
                    byGroup.computeIfAbsent(group, g -> new Latencies()).recordNanos(seen - one.postStartNanos());
                    lastByGroup.merge(group, seen - start, Math::max);
                    last = Math.max(last, seen);
                } else if (failure.isPresent()) {
                    failed++;
                    failures.merge(failure.get().stage() + " " + failure.get().reasonCode(), 1L, Long::sum);
                    last = Math.max(last, failure.get().seenNanos());
                }
            }
            Map<String, GroupFigures> groups = new LinkedHashMap<>();
            byGroup.forEach((group, latencies) ->
                    groups.put(group, new GroupFigures(latencies, lastByGroup.getOrDefault(group, 0L))));
            List<Map<String, Object>> rows = new ArrayList<>();
            failures.forEach((key, count) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("stage", key.substring(0, key.indexOf(' ')));
                row.put("reason", key.substring(key.indexOf(' ') + 1));
                row.put("enrollments", count);
                rows.add(row);
            });
            return new StormOutcome(
                    enrolled.size(),
                    activated,
                    failed,
                    enrolled.size() - activated - failed,
                    last - start,
                    all,
                    groups,
                    rows);
        }
    }
}
