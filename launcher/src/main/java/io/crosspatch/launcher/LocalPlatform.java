package io.crosspatch.launcher;

import io.crosspatch.launcher.fleet.DemoFleet;
import io.crosspatch.launcher.fleet.DemoTenants;
import io.crosspatch.launcher.fleet.FleetVm;
import io.crosspatch.launcher.fleet.StartupScriptRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The README's run command: the whole {@link Platform} with a demo fleet on four clouds, until Ctrl-C.
 *
 * <pre>java -jar launcher/target/launcher.jar [repository root] [--fleet N] [--day-seconds S] [--help]</pre>
 *
 * {@code --fleet} is the number of simulated VMs (default 200; 0 for none); {@code --day-seconds} how many real
 * seconds one simulated day lasts once the fleet is enrolled (default 2), so a month of maintenance windows plays
 * out in about a minute. The options are read by {@link LocalPlatformCommand}.
 */
public final class LocalPlatform {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final JsonHttp HTTP = new JsonHttp();

    private LocalPlatform() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalPlatformCommand(LocalPlatform::run)).execute(args));
    }

    private static void run(LocalPlatformCommand.Settings settings) throws Exception {
        Path root = settings.root();
        int fleetSize = settings.fleet();
        int daySeconds = settings.daySeconds();
        long started = System.nanoTime();
        Platform platform = Platform.start(Platform.Options.local(root));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("stopping Crosspatch");
                            platform.close();
                        },
                        "local-platform-stop"));
        printEndpoints(platform, started);
        printDashboards(platform);
        if (fleetSize > 0) {
            runDemo(platform, fleetSize, daySeconds);
            printDashboards(platform);
        }
        log.info("Crosspatch keeps running. Ctrl-C stops everything.");
        new CountDownLatch(1).await();
    }

    /**
     * The demo: a fleet enrolls, then lives a month — every VM that ran the real startup script boots again (the
     * script asks once and does nothing else), one VM is deleted in its cloud (its node goes ConnectionLost and is
     * retired once that has lasted 30 simulated days), and the month's windows, scans and agent update run.
     */
    private static void runDemo(Platform platform, int fleetSize, int daySeconds) throws Exception {
        DemoFleet fleet = new DemoFleet(platform);
        fleet.onboard();
        List<FleetVm> vms = fleet.createVms(fleetSize, 42);
        log.info(
                "demo fleet: {} VMs on gcp, azure, aws and vmware; enrolling (a few through the real linux.sh)",
                vms.size());
        DemoProgress reporting = new DemoProgress(platform);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(
                () -> log.info("fleet: {}; reporting: {}", fleet.stageCounts(), reporting.line()),
                5,
                5,
                TimeUnit.SECONDS);
        try {
            fleet.enrollAll(vms, 48, 1, Duration.ofMinutes(5));
            log.info("fleet enrolled: {}", fleet.stageCounts());
            rebootTheScriptedVms(fleet);
            if (!vms.isEmpty()) {
                FleetVm deleted = vms.get(vms.size() - 1);
                fleet.delete(deleted);
                log.info(
                        "day two: VM {} ({}) deleted in its cloud; its node goes ConnectionLost and is retired after"
                                + " 30 simulated days",
                        deleted.instanceName(),
                        deleted.account().key());
            }
            log.info(
                    "now a simulated month, one day every {} s: windows, scans, the agents' update after the late"
                            + " ring's window, the deleted VM's retirement",
                    daySeconds);
            fleet.playMonth(Duration.ofSeconds(daySeconds));
            log.info("the month is over; reporting: {}", reporting.line());
        } finally {
            progress.shutdownNow();
        }
    }

    /** Runs the real script again on each VM that ran it, as a reboot does, and says what the reruns did. */
    private static void rebootTheScriptedVms(DemoFleet fleet) throws Exception {
        Map<String, String> registered = fleet.managedInstanceIds();
        for (FleetVm vm : fleet.scriptedVms()) {
            StartupScriptRunner.Outcome rerun = fleet.rerunScript(vm, Duration.ofMinutes(1));
            log.info(
                    "day two: {} ({}) rebooted; linux.sh ran again and exited {} ({})",
                    vm.instanceName(),
                    vm.account().key(),
                    rerun.exitStatus(),
                    rerun.output().contains("already registered")
                            ? "already registered as " + registered.get(vm.vmId()) + ", no AWS call"
                            : "see its output in the VM's directory");
        }
    }

    private static void printEndpoints(Platform platform, long started) {
        Map<String, String> infra = platform.infrastructureProperties();
        log.info("Crosspatch is running ({} s).", (System.nanoTime() - started) / 1_000_000_000);
        log.info("  Kafka            {}", infra.get("spring.kafka.bootstrap-servers"));
        log.info("  Cassandra        {}", infra.get("spring.cassandra.contact-points"));
        log.info("  Schema registry  {}", infra.get("crosspatch.schema-registry.url"));
        log.info(
                "  AWS simulator    {}  (management access key {}; see cloud-simulator/README.md)",
                platform.simulator(),
                Platform.SIMULATOR_ACCESS_KEY_ID);
        platform.serviceUrls()
                .forEach((service, url) -> log.info(
                        "  {} {}  health {}/actuator/health  (log: {})",
                        String.format("%-16s", service.module()),
                        url,
                        platform.management(service),
                        platform.logFile(service.module())));
        log.info(
                "  Startup script   curl -fsS {}/v1/bootstrap/linux.sh | sudo bash",
                platform.service(LocalService.IDENTITY));
    }

    private static void printDashboards(Platform platform) {
        String dashboard = platform.service(LocalService.REPORTING) + "/?token=";
        log.info("Dashboards (tokens of this run, valid 12 h):");
        log.info("  operator         {}{}", dashboard, platform.tokens().token("local-operator", null));
        for (String tenant : DemoTenants.tenants()) {
            log.info(
                    "  tenant {} {}{}",
                    String.format("%-9s", tenant),
                    dashboard,
                    platform.tokens().token(tenant + "-user", tenant));
        }
    }
}
