package io.crosspatch.launcher;

import io.crosspatch.launcher.fleet.DemoFleet;
import io.crosspatch.launcher.fleet.DemoTenants;
import io.crosspatch.launcher.fleet.FleetVm;
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

    private static void runDemo(Platform platform, int fleetSize, int daySeconds) throws InterruptedException {
        DemoFleet fleet = new DemoFleet(platform);
        fleet.onboard();
        List<FleetVm> vms = fleet.createVms(fleetSize, 42);
        log.info(
                "demo fleet: {} VMs on gcp, azure, aws and vmware; enrolling (a few through the real linux.sh)",
                vms.size());
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(
                () -> log.info(
                        "fleet: {}; reporting: {} instances with patch state",
                        fleet.stageCounts(),
                        reportingInstances(platform)),
                5,
                5,
                TimeUnit.SECONDS);
        try {
            fleet.enrollAll(vms, 48, 1, Duration.ofMinutes(5));
            log.info("fleet enrolled: {}; now a simulated month, one day every {} s", fleet.stageCounts(), daySeconds);
            fleet.playMonth(Duration.ofSeconds(daySeconds));
        } finally {
            progress.shutdownNow();
        }
    }

    /** Instances the reporting API shows with a known patch state, over every demo tenant. */
    private static int reportingInstances(Platform platform) {
        String operator = "Bearer " + platform.tokens().token("local-operator", null);
        int instances = 0;
        for (String tenant : DemoTenants.tenants()) {
            JsonHttp.Answer summary = HTTP.get(
                    platform.service(LocalService.REPORTING).resolve("/v1/tenants/" + tenant + "/summary"),
                    Map.of("Authorization", operator));
            if (summary.status() == 200) {
                instances += summary.body().path("totals").path("instances").asInt()
                        - summary.body()
                                .path("totals")
                                .path("unknownPatchState")
                                .asInt();
            }
        }
        return instances;
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
