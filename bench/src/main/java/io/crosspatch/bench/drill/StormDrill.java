package io.crosspatch.bench.drill;

import io.crosspatch.bench.fleet.BenchAccounts;
import io.crosspatch.bench.fleet.BenchFleet;
import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.bench.platform.BenchPlatform;
import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.Platform;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.FleetVm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drill of the storm-and-sweep kind on a fresh platform: a fleet enrolls (the storm) while a {@link Fault} lands
 * mid-way; once every enrollment settled, the simulated clock moves day by day so the maintenance windows run (the
 * sweep) while the fault lands again if it has a mid-sweep step; then the {@link ExactlyOnceAudit}. A VM's POST is
 * retried with the same body while identity-service is down, as the startup script does; a VM that never got an
 * answer is not posted again under a fresh identity (that would be a second enrollment of it, which identity-service
 * rightly refuses) and counts as not registered.
 */
final class StormDrill {

    private static final Logger log = LoggerFactory.getLogger(StormDrill.class);

    private final String name;
    private final Fault fault;

    StormDrill(String name, Fault fault) {
        this.name = name;
        this.fault = fault;
    }

    String name() {
        return name;
    }

    void run(Path root, DrillSizes sizes, Section section) throws Exception {
        List<CloudAccountSpec> accounts = BenchAccounts.generate(sizes.accounts(), sizes.tenants());
        section.note(sizes.vms() + " VMs over " + accounts.size() + " cloud accounts of " + sizes.tenants()
                + " tenants, " + sizes.parallelism() + " client threads");
        try (Platform platform = startPlatform(root, accounts, section)) {
            BenchFleet fleet = new BenchFleet(platform, accounts);
            fleet.onboard(4);
            List<FleetVm> vms = fleet.createVms(accounts, sizes.vms(), 9, 8);
            fault.beforeStorm(platform, section);
            List<BenchFleet.Enrolled> enrolled = storm(platform, fleet, vms, sizes, section);
            ExactlyOnceAudit audit = new ExactlyOnceAudit(platform);
            Map<String, String> managed = audit.afterStorm(section, accounts, vms, enrolled);
            sweep(platform, fleet, sizes, section);
            audit.afterWindows(section, accounts, managed, sizes.settleTimeout());
            if (!fault.deadLettersExpected()) {
                audit.nothingDeadLettered(
                        section, platform.infrastructure().kafka().bootstrapServers());
            }
            fault.after(platform, section);
        }
    }

    /**
     * A fresh platform; started a second time if the first start fails (on a busy 2-core machine a service can time
     * out creating its keyspace), since a platform that never came up says nothing about the drill's fault.
     */
    private Platform startPlatform(Path root, List<CloudAccountSpec> accounts, Section section) throws Exception {
        BenchPlatform.Tuning tuning = BenchPlatform.Tuning.defaults()
                .withSweepInterval(Duration.ofSeconds(5))
                .withVmwareOrgs(BenchAccounts.vmwareOrgs(accounts));
        try {
            return BenchPlatform.start(root, "drill-" + name, tuning);
        } catch (Exception first) {
            log.warn("drill {}: the platform did not start, starting it again: {}", name, first.toString());
            section.note("the platform's first start failed ("
                    + Objects.requireNonNullElse(first.getMessage(), first.toString())
                            .lines()
                            .findFirst()
                            .orElse("") + "); started again");
            return BenchPlatform.start(root, "drill-" + name, tuning);
        }
    }

    private List<BenchFleet.Enrolled> storm(
            Platform platform, BenchFleet fleet, List<FleetVm> vms, DrillSizes sizes, Section section)
            throws Exception {
        AtomicReference<Map<String, Long>> progress = new AtomicReference<>();
        long start = System.nanoTime();
        CompletableFuture<Void> faultDone = fault.strikesMidStorm()
                ? midStormFault(platform, vms.size(), sizes, section, progress)
                : CompletableFuture.completedFuture(null);
        Latencies accepted = new Latencies();
        List<BenchFleet.Enrolled> enrolled = fleet.enroll(vms, sizes.parallelism(), accepted);
        long deadline = start + sizes.stormTimeout().toNanos();
        fleet.awaitStage(enrolled, "REGISTERED", true, sizes.parallelism(), sizes.stormTimeout(), progress::set);
        faultDone.join();
        // once more after the fault is over (a service may have come back after the first wait settled), within
        // what is left of the storm's time: enrollments lost for good must not make the drill wait twice
        Duration left = Duration.ofNanos(
                Math.max(deadline - System.nanoTime(), Duration.ofSeconds(30).toNanos()));
        fleet.awaitStage(enrolled, "REGISTERED", true, sizes.parallelism(), left, progress::set);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        section.figure("storm duration (first POST to all settled)", seconds, "s");
        section.figure("POSTs never answered (after retries with the same body)", fleet.postFailures(), "POSTs");
        section.figures("client requests sent again: ", fleet.clientRetries(), "requests");
        log.info("drill {}: storm settled in {} s: {}", name, seconds, fleet.stageCounts(enrolled));
        return enrolled;
    }

    /**
     * The fault, {@code faultAfter} into the storm, on its own thread while the fleet goes on. The stages are null
     * while the POSTs still run; after that the storm is over once every VM registered, and a fault that came later
     * would prove nothing: so the check.
     */
    private CompletableFuture<Void> midStormFault(
            Platform platform,
            int fleetSize,
            DrillSizes sizes,
            Section section,
            AtomicReference<Map<String, Long>> progress) {
        return CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(sizes.faultAfter().toMillis());
                Map<String, Long> atFault = progress.get();
                long registered = atFault == null ? 0 : atFault.getOrDefault("REGISTERED", 0L);
                section.note("mid-storm fault at " + sizes.faultAfter().toSeconds() + " s: "
                        + (atFault == null ? "enrollments still being posted" : "stages " + atFault));
                section.check(
                        "the storm fault landed mid-storm",
                        registered < fleetSize,
                        registered + " of " + fleetSize + " VMs registered when it hit");
                fault.duringStorm(platform, section);
            } catch (Exception e) {
                throw new IllegalStateException("the mid-storm fault failed: " + e, e);
            }
        });
    }

    /** Day by day, a pause between days so that compliance collection interleaves with the windows. */
    private void sweep(Platform platform, BenchFleet fleet, DrillSizes sizes, Section section) throws Exception {
        long start = System.nanoTime();
        for (int day = 1; day <= sizes.sweepDays(); day++) {
            fleet.advanceClock(Duration.ofDays(1));
            if (day == sizes.faultOnDay()) {
                fault.duringSweep(platform, section);
            }
            Thread.sleep(500);
        }
        section.figure("sweep: clock advanced", sizes.sweepDays(), "days");
        section.figure(
                "sweep duration", Duration.ofNanos(System.nanoTime() - start).toSeconds(), "s");
    }
}
