package io.crosspatch.launcher.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.JsonHttp;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo fleet: onboards the demo tenants' cloud accounts through identity-service's admin API, creates simulated
 * VMs on all four clouds (mixed OSes and patch groups), and enrolls them through the public HTTP API — most with
 * the in-process {@link FleetEnroller}, some with the real startup script — until their agents are registered.
 * Each VM's stage is tracked so progress can be shown and tests can assert that every enrollment ended REGISTERED.
 */
public final class DemoFleet {

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    private static final List<String> PATCH_GROUPS = List.of("early", "on-time", "late");
    private static final Duration POLL = Duration.ofMillis(500);
    /** The days {@link #playMonth} plays. */
    public static final int MONTH_DAYS = 31;

    /** How far each VM got, by the status its enrollment last showed (ENROLLING before the POST is accepted). */
    private final Map<String, String> stages = new ConcurrentHashMap<>();

    private final Map<String, String> managedInstanceIds = new ConcurrentHashMap<>();
    private final Map<String, StartupScriptRunner.Outcome> scriptOutcomes = new ConcurrentHashMap<>();
    private final List<FleetVm> created = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Platform platform;
    private final FleetEnroller enroller;
    private final FleetProvisioning provisioning;
    private final StartupScriptRunner script;

    public DemoFleet(Platform platform) {
        this.platform = platform;
        JsonHttp http = new JsonHttp();
        this.provisioning = new FleetProvisioning(platform, http, "local-admin");
        this.enroller = new FleetEnroller(
                http, platform.service(LocalService.IDENTITY), platform.simulatorControl(), Platform.GCP_AUDIENCE);
        this.script = new StartupScriptRunner(
                platform.service(LocalService.IDENTITY),
                platform.simulator(),
                platform.vmToolsDirectory(),
                platform.work().resolve("vms"));
    }

    /** Onboards every demo cloud account to its tenant (idempotent: a PUT). */
    public void onboard() {
        DemoTenants.ACCOUNTS.forEach(provisioning::onboard);
        log.info("onboarded {} cloud accounts of tenants {}", DemoTenants.ACCOUNTS.size(), DemoTenants.tenants());
    }

    /** Offboards one cloud account: its instances retire, its system account is emptied and closed. */
    public void offboard(CloudAccountSpec account) {
        provisioning.offboard(account);
        log.info("offboarded {} of tenant {}", account.key(), account.tenantId());
    }

    /**
     * Deletes the VM in its cloud, as a customer does: its agent stops answering, SSM reports its node ConnectionLost,
     * and Crosspatch retires it once that has lasted {@code crosspatch.retirement.connection-lost-after}.
     */
    public void delete(FleetVm vm) {
        platform.simulatorControl().deleteVm(vm.vmId());
        stages.put(vm.vmId(), "DELETED");
    }

    /** Creates {@code count} simulated VMs spread over every demo account, OS and patch group. */
    public List<FleetVm> createVms(int count, long seed) {
        Random random = new Random(seed);
        List<FleetVm> vms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CloudAccountSpec account = DemoTenants.ACCOUNTS.get(i % DemoTenants.ACCOUNTS.size());
            FleetOs os = FleetOs.values()[random.nextInt(FleetOs.values().length)];
            String group = PATCH_GROUPS.get(random.nextInt(PATCH_GROUPS.size()));
            vms.add(createVm(account, os, group, String.format("%s-%s-%03d", account.tenantId(), os.family(), i)));
        }
        return vms;
    }

    public FleetVm createVm(CloudAccountSpec account, FleetOs os, String patchGroup, String name) {
        FleetVm vm = provisioning.createVm(account, os, patchGroup, name);
        created.add(vm);
        stages.put(vm.vmId(), "CREATED");
        return vm;
    }

    /**
     * Enrolls every VM in parallel and waits until each is REGISTERED, REJECTED or FAILED (or {@code timeout}
     * passed); the first {@code viaScript} Linux VMs of each provider run the real startup script.
     */
    public void enrollAll(List<FleetVm> vms, int parallelism, int viaScript, Duration timeout)
            throws InterruptedException {
        Map<String, Integer> scripted = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (FleetVm vm : vms) {
                boolean useScript = FleetOs.LINUX.contains(vm.os())
                        && scripted.merge(vm.account().provider(), 1, Integer::sum) <= viaScript;
                running.add(workers.submit(() -> {
                    if (useScript) {
                        runScript(vm, timeout);
                    } else {
                        enrollInProcess(vm, timeout);
                    }
                    return null;
                }));
            }
            for (Future<?> task : running) {
                try {
                    task.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("enrolling a VM failed: {}", String.valueOf(e.getCause()));
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private void enrollInProcess(FleetVm vm, Duration timeout) throws InterruptedException {
        FleetEnroller.Enrollment enrollment = enroller.enroll(vm);
        stages.put(vm.vmId(), "PENDING");
        follow(enrollment, timeout, true);
    }

    /**
     * The real script registers the agent and exits; the enrollment is then followed like the others (with the id
     * the script printed and the secret it kept) until patching-service's watcher reports it REGISTERED.
     */
    private void runScript(FleetVm vm, Duration timeout) throws Exception {
        stages.put(vm.vmId(), "SCRIPT");
        StartupScriptRunner.Outcome outcome = script.run(vm, timeout);
        scriptOutcomes.put(vm.vmId(), outcome);
        if (outcome.exitStatus() != 0 || outcome.enrollmentId() == null) {
            stages.put(vm.vmId(), "SCRIPT_FAILED");
            log.warn(
                    "linux.sh for {} ({}) exited {}:\n{}",
                    vm.instanceName(),
                    vm.account().key(),
                    outcome.exitStatus(),
                    outcome.output());
            return;
        }
        follow(
                new FleetEnroller.Enrollment(vm, Objects.requireNonNull(outcome.enrollmentId()), outcome.secret()),
                timeout,
                false);
    }

    /** Polls the status as the VM would until a final stage, registering the agent on the way if asked to. */
    private void follow(FleetEnroller.Enrollment enrollment, Duration timeout, boolean registerAgent)
            throws InterruptedException {
        FleetVm vm = enrollment.vm();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean agentRegistered = !registerAgent;
        while (System.nanoTime() < deadline) {
            JsonNode status = enroller.status(enrollment);
            String stage = status.get("status").asText();
            stages.put(vm.vmId(), stage);
            if (stage.equals("REJECTED") || stage.equals("FAILED")) {
                log.warn(
                        "{} ({}) {}: {}",
                        vm.instanceName(),
                        vm.account().key(),
                        stage,
                        status.path("reason").asText());
                return;
            }
            if (stage.equals("REGISTERED")) {
                managedInstanceIds.put(
                        vm.vmId(), status.path("managedInstanceId").asText());
                return;
            }
            if (!agentRegistered && stage.equals("ACTIVATION_ISSUED")) {
                agentRegistered = enroller.registerAgent(enrollment, status).isPresent();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Runs the real script again for a VM that ran it, as its next boot would (same state directory, same agent
     * registration); the outcome is returned, not recorded. An enrolled VM's rerun should exit 0 having asked
     * Crosspatch for its status once and done nothing else.
     */
    public StartupScriptRunner.Outcome rerunScript(FleetVm vm, Duration timeout)
            throws IOException, InterruptedException {
        if (!scriptOutcomes.containsKey(vm.vmId())) {
            throw new IllegalArgumentException(vm.instanceName() + " did not run the startup script");
        }
        return script.run(vm, timeout);
    }

    /** The VMs that ran the real startup script, in the order they were created. */
    public List<FleetVm> scriptedVms() {
        return created.stream()
                .filter(vm -> scriptOutcomes.containsKey(vm.vmId()))
                .toList();
    }

    /** The real script's runs, by VM id. */
    public Map<String, StartupScriptRunner.Outcome> scriptOutcomes() {
        return Map.copyOf(scriptOutcomes);
    }

    /** Each VM's last seen stage, by VM id. */
    public Map<String, String> stages() {
        return Map.copyOf(stages);
    }

    /** The managed instance ids of the VMs whose agents registered, by VM id. */
    public Map<String, String> managedInstanceIds() {
        return Map.copyOf(managedInstanceIds);
    }

    /** How many VMs are at each stage, for progress lines. */
    public Map<String, Long> stageCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        stages.values().forEach(stage -> counts.merge(stage, 1L, Long::sum));
        return counts;
    }

    /** Moves the simulator's clock, which runs what came due on the way (maintenance windows, scans). */
    public void advanceClock(Duration by) {
        platform.simulatorControl().advanceClock(by);
    }

    /**
     * The demo's simulated month: the simulator's clock moved one day at a time, {@code perDay} of real time apart,
     * so that the maintenance windows and scans run as they come due and the dashboard fills in as it goes.
     */
    public void playMonth(Duration perDay) throws InterruptedException {
        for (int day = 1; day <= MONTH_DAYS; day++) {
            advanceClock(Duration.ofDays(1));
            if (day % 7 == 0) {
                log.info("simulated day {} of {}: maintenance windows and scans run as they come due", day, MONTH_DAYS);
            }
            Thread.sleep(perDay.toMillis());
        }
    }
}
