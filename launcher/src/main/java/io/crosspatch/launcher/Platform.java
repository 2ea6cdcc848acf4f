package io.crosspatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.fleet.DemoTenants;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.testbed.ForkedJvm;
import io.crosspatch.testbed.Readiness;
import io.crosspatch.testbed.Testbed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on this machine: the real Kafka, Cassandra and schema registry of the testbed, the cloud
 * simulator, and the four services, each in its own JVM as in production. Every child runs under the testbed's
 * parent watchdog, so none outlives this process, however it ends. The run command and the end-to-end test both
 * start it; they differ only in ports and in how often the services sweep.
 */
public final class Platform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Platform.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** The simulator's management keys: simulator-only values, not secrets of anything real. */
    static final String SIMULATOR_ACCESS_KEY_ID = "AKIACROSSPATCHMGMT01";

    private static final String SIMULATOR_SECRET_ACCESS_KEY = "crosspatch/simulator/management/secret00";
    private static final String ACTIVATION_KEY_ID = "local";
    /** The audience the demo's GCP identity tokens are minted for. */
    public static final String GCP_AUDIENCE = "crosspatch";

    /**
     * @param root               the repository checkout (where the modules' jars were built)
     * @param work               where the infrastructure's data and the logs go (wiped at start)
     * @param simulatorPort      the cloud simulator's port (4566, the AWS CLI's habit, by default)
     * @param firstServicePort   identity-service's port; the others follow (see {@link LocalService})
     * @param sweepInterval      how often patching-service collects compliance and inventory
     * @param extraArguments     more {@code --property=value} arguments per service, after the platform's own (so
     *                           they win): benchmarks tune schedules and concurrency with them
     * @param heaps              {@code -Xmx} per component ({@code cloud-simulator} or a service's module name) where
     *                           the default is too small, e.g. a simulator holding 100,000 nodes
     * @param vmwareOrgs         the vCenter/org ids whose token issuers identity-service trusts (the demo's two by
     *                           default; a benchmark fleet brings its own)
     */
    public record Options(
            Path root,
            Path work,
            int simulatorPort,
            int firstServicePort,
            Duration sweepInterval,
            Map<LocalService, List<String>> extraArguments,
            Map<String, String> heaps,
            List<String> vmwareOrgs) {

        public Options(Path root, Path work, int simulatorPort, int firstServicePort, Duration sweepInterval) {
            this(
                    root,
                    work,
                    simulatorPort,
                    firstServicePort,
                    sweepInterval,
                    Map.of(),
                    Map.of(),
                    DemoTenants.vmwareOrgs());
        }

        public Options {
            extraArguments = Map.copyOf(extraArguments);
            heaps = Map.copyOf(heaps);
            vmwareOrgs = List.copyOf(vmwareOrgs);
        }

        public static Options local(Path root) {
            return new Options(root, root.resolve(".crosspatch").resolve("local"), 4566, 8080, Duration.ofSeconds(15));
        }

        public Options withExtraArguments(Map<LocalService, List<String>> arguments) {
            return new Options(
                    root, work, simulatorPort, firstServicePort, sweepInterval, arguments, heaps, vmwareOrgs);
        }

        public Options withHeaps(Map<String, String> maxHeaps) {
            return new Options(
                    root, work, simulatorPort, firstServicePort, sweepInterval, extraArguments, maxHeaps, vmwareOrgs);
        }

        public Options withVmwareOrgs(List<String> orgs) {
            return new Options(root, work, simulatorPort, firstServicePort, sweepInterval, extraArguments, heaps, orgs);
        }

        String maxHeap(String component, String otherwise) {
            return heaps.getOrDefault(component, otherwise);
        }
    }

    private final Options options;
    private final Map<LocalService, ForkedJvm> services = new EnumMap<>(LocalService.class);
    /** Arguments a {@link #restart(LocalService, List)} added to a service's own, kept for its later restarts. */
    private final Map<LocalService, List<String>> changedArguments = new EnumMap<>(LocalService.class);

    private List<String> vmwareIssuers = List.of();
    private final DemoTokens tokens = new DemoTokens();
    private final JsonHttp http = new JsonHttp();
    /** A fresh key per run for the activation codes: patching-service encrypts them, identity-service decrypts. */
    private final String activationKey = newActivationKey();

    private @Nullable Testbed infrastructure;
    private @Nullable ForkedJvm simulator;
    private final SimulatorControl simulatorControl;

    private Platform(Options options) {
        this.options = options;
        this.simulatorControl = new SimulatorControl(simulator());
    }

    public static Platform start(Options options) throws Exception {
        Platform platform = new Platform(options);
        try {
            platform.startAll();
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        wipe(options.work());
        log.info(
                "starting Kafka, Cassandra and the schema registry (work directory {})",
                options.work().resolve("infra"));
        infrastructure = Testbed.start(options.work().resolve("infra"));
        tokens.writePublicKey(publicKeyFile());
        log.info("starting the cloud simulator on {} (log: {})", simulator(), logFile("cloud-simulator"));
        simulator = launchSimulator();
        log.info("cloud-simulator ready on {}", simulator());
        vmwareIssuers = defineVmwareIssuers();
        for (LocalService service : LocalService.values()) {
            log.info("starting {} on {} (log: {})", service.module(), service(service), logFile(service.module()));
            services.put(service, launch(service));
        }
        for (LocalService service : LocalService.values()) {
            awaitReady(service);
        }
    }

    /** The simulator's control API ({@code /_sim/}): VMs, clock, faults, limits, ground truth. */
    public SimulatorControl simulatorControl() {
        return simulatorControl;
    }

    public URI simulator() {
        return URI.create("http://127.0.0.1:" + options.simulatorPort());
    }

    public URI service(LocalService service) {
        return URI.create("http://127.0.0.1:" + service.port(options.firstServicePort()));
    }

    /** The service's management port: health, probes and Prometheus, which the public port does not serve. */
    public URI management(LocalService service) {
        return URI.create("http://127.0.0.1:" + service.managementPort(options.firstServicePort()));
    }

    public DemoTokens tokens() {
        return tokens;
    }

    /** The real Kafka, Cassandra and registry, for drills that restart them. */
    public Testbed infrastructure() {
        return Objects.requireNonNull(infrastructure, "the platform is not running");
    }

    /** Every process of the platform by name (infrastructure, simulator, services) and its pid, for sampling. */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>(infrastructure().processIds());
        pids.put(
                "cloud-simulator",
                Objects.requireNonNull(simulator, "the platform is not running").pid());
        services.forEach((service, jvm) -> pids.put(service.module(), jvm.pid()));
        return pids;
    }

    /** Kills a service with SIGKILL, as a crash would: no shutdown hook, no offsets committed, nothing flushed. */
    public synchronized void kill(LocalService service) {
        running(service).kill();
        log.info("{} killed", service.module());
    }

    /** Starts a service again (after {@link #kill}), with the arguments it had, and waits until it is ready. */
    public synchronized void restart(LocalService service) throws InterruptedException {
        restart(service, List.of());
    }

    /**
     * Stops a service and starts it again with {@code moreArguments} after the ones it had — a deployment with
     * changed configuration, as an operator rolls one out — and waits until it is ready. Later restarts keep them.
     */
    public synchronized void restart(LocalService service, List<String> moreArguments) throws InterruptedException {
        ForkedJvm previous = running(service);
        if (previous.isAlive()) {
            previous.stop();
        }
        changedArguments.put(service, List.copyOf(moreArguments));
        services.put(service, launch(service));
        awaitReady(service);
    }

    public Map<String, String> infrastructureProperties() {
        return infrastructure().springProperties();
    }

    public Path work() {
        return options.work();
    }

    public Path root() {
        return options.root();
    }

    /** The stand-ins for the VM side ({@code amazon-ssm-agent}, {@code vmtoolsd}) the real startup script calls. */
    public Path vmToolsDirectory() {
        return options.root()
                .resolve("cloud-simulator")
                .resolve("src")
                .resolve("main")
                .resolve("dist");
    }

    public Path logFile(String component) {
        return options.work().resolve(component + ".log");
    }

    /** The AWS control plane and the clouds' identity services the platform talks to here. */
    private ForkedJvm launchSimulator() throws InterruptedException {
        Path jar = requireJar(
                options.root().resolve("cloud-simulator").resolve("target").resolve("cloud-simulator.jar"));
        ForkedJvm jvm = ForkedJvm.builder("cloud-simulator")
                .executableJar(jar)
                .jvmArgs(List.of("-Xms64m", "-Xmx" + options.maxHeap("cloud-simulator", "512m")))
                .args(List.of(Integer.toString(options.simulatorPort())))
                .workingDir(options.work())
                .logFile(logFile("cloud-simulator"))
                .start();
        SimulatorControl probe = new SimulatorControl(simulator(), Duration.ofSeconds(2));
        Readiness.await(jvm, READY_TIMEOUT, () -> probe.now() != null);
        return jvm;
    }

    /**
     * Gives each demo vCenter/org its token issuer in the simulator, before identity-service starts: the issuers a
     * verifier trusts are configuration, not something it learns at run time. Each issuer is bound to its own org
     * (identity-service refuses to start with an issuer bound to none). Answers the verifier's arguments.
     */
    private List<String> defineVmwareIssuers() {
        List<String> arguments = new ArrayList<>();
        List<String> orgs = options.vmwareOrgs();
        for (int i = 0; i < orgs.size(); i++) {
            JsonNode issuer = simulatorControl.defineVmwareIssuer(orgs.get(i), SimulatorControl.object());
            String prefix = "--crosspatch.identity.vmware.issuers[" + i + "].";
            arguments.add(prefix + "issuer=" + issuer.get("issuer").asText());
            arguments.add(prefix + "jwks-uri=" + issuer.get("jwksUri").asText());
            arguments.add(prefix + "audience=" + issuer.get("audience").asText());
            arguments.add(prefix + "org-ids=" + orgs.get(i));
        }
        return arguments;
    }

    private ForkedJvm launch(LocalService service) {
        Path jar = requireJar(service.jar(options.root()));
        List<String> args = new ArrayList<>();
        infrastructure().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--crosspatch.schema-registry.auto-register=true");
        args.add("--server.port=" + service.port(options.firstServicePort()));
        args.add("--management.server.port=" + service.managementPort(options.firstServicePort()));
        args.addAll(serviceArguments(service, vmwareIssuers));
        args.addAll(options.extraArguments().getOrDefault(service, List.of()));
        args.addAll(changedArguments.getOrDefault(service, List.of()));
        return ForkedJvm.builder(service.module())
                .executableJar(jar)
                .jvmArgs(List.of(
                        "-Xms64m",
                        "-Xmx" + options.maxHeap(service.module(), "384m"),
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1"))
                .args(args)
                .workingDir(options.work())
                .logFile(logFile(service.module()))
                .start();
    }

    /** What each service needs to know about this platform: the simulator as AWS and as the clouds, and the keys. */
    private List<String> serviceArguments(LocalService service, List<String> vmwareIssuers) {
        String sim = simulator().toString();
        SimulatorControl control = simulatorControl;
        List<String> args = new ArrayList<>();
        switch (service) {
            case IDENTITY -> {
                args.add("--crosspatch.identity.public-url=" + service(LocalService.IDENTITY));
                // Every demo VM enrolls from this machine's loopback address: one "source" for the rate limit.
                args.add("--crosspatch.identity.ingress.rate-limit.per-second=2000");
                args.add("--crosspatch.identity.ingress.rate-limit.burst=2000");
                // ... and polls its status from there: a benchmark's whole fleet in one bucket.
                args.add("--crosspatch.identity.ingress.status-rate-limit.per-second=1000000");
                args.add("--crosspatch.identity.ingress.status-rate-limit.burst=1000000");
                args.add("--crosspatch.identity.gcp.jwks-uri=" + control.gcpJwks());
                args.add("--crosspatch.identity.gcp.audience=" + GCP_AUDIENCE);
                args.add("--crosspatch.identity.azure.trust-anchors=" + control.azureRootPem());
                for (String region : DemoTenants.ec2Regions()) {
                    args.add("--crosspatch.identity.aws.certificates." + region + "=" + control.awsCertificate(region));
                }
                args.addAll(vmwareIssuers);
                args.add("--crosspatch.identity.admin.auth.issuer=" + DemoTokens.ISSUER);
                args.add("--crosspatch.identity.admin.auth.public-key-location=file:" + publicKeyFile());
                args.add("--crosspatch.identity.admin.auth.audiences=" + DemoTokens.IDENTITY_AUDIENCE);
                args.addAll(activationKeyArguments());
            }
            case ACCOUNT -> {
                // account-service holds the management account's keys: here, the simulator's.
                args.add("--crosspatch.aws.endpoint=" + sim);
                args.add("--crosspatch.aws.access-key-id=" + SIMULATOR_ACCESS_KEY_ID);
                args.add("--crosspatch.aws.secret-access-key=" + SIMULATOR_SECRET_ACCESS_KEY);
                args.add("--crosspatch.operator.auth.issuer=" + DemoTokens.ISSUER);
                args.add("--crosspatch.operator.auth.public-key-location=file:" + publicKeyFile());
                args.add("--crosspatch.operator.auth.audiences=" + DemoTokens.ACCOUNT_AUDIENCE);
            }
            case PATCHING -> {
                // patching-service assumes roles in the system accounts; the simulator knows only the management keys.
                args.add("--crosspatch.aws.endpoint=" + sim);
                args.add("--crosspatch.aws.access-key-id=" + SIMULATOR_ACCESS_KEY_ID);
                args.add("--crosspatch.aws.secret-access-key=" + SIMULATOR_SECRET_ACCESS_KEY);
                // SSM checks an activation's expiry against its own clock, which the demo's month moves ahead of the
                // wall clock: patching-service takes its time from the simulator, as its integration tests do. The
                // other services keep the system clock: the clouds' identities and the demo tokens carry real times.
                args.add("--crosspatch.time.simulator-clock=" + control.url(SimulatorPaths.CLOCK));
                args.add("--crosspatch.patching.compliance.interval="
                        + options.sweepInterval().toSeconds() + "s");
                args.add("--crosspatch.patching.inventory.interval="
                        + options.sweepInterval().toSeconds() + "s");
                // Registrations are what a waiting VM's activation turns into REGISTERED: watch them every 2 s here.
                args.add("--crosspatch.patching.registration.interval=2s");
                args.addAll(activationKeyArguments());
            }
            case REPORTING -> {
                args.add("--crosspatch.reporting.auth.issuer=" + DemoTokens.ISSUER);
                args.add("--crosspatch.reporting.auth.public-key-location=file:" + publicKeyFile());
                args.add("--crosspatch.reporting.auth.audiences=" + DemoTokens.REPORTING_AUDIENCE);
            }
        }
        return args;
    }

    private List<String> activationKeyArguments() {
        return List.of(
                "--crosspatch.activation-encryption.keys." + ACTIVATION_KEY_ID + "=" + activationKey,
                "--crosspatch.activation-encryption.current-key-id=" + ACTIVATION_KEY_ID);
    }

    private void awaitReady(LocalService service) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(management(service).resolve("/actuator/health/readiness"))
                .build();
        Readiness.await(
                running(service),
                READY_TIMEOUT,
                () -> client.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
        log.info("{} ready on {}", service.module(), service(service));
    }

    /** The JVM of a service this platform launched (and has not closed). */
    private ForkedJvm running(LocalService service) {
        return Objects.requireNonNull(services.get(service), () -> service.module() + " was not launched");
    }

    @Override
    public void close() {
        List<LocalService> newestFirst = new ArrayList<>(services.keySet());
        Collections.reverse(newestFirst);
        newestFirst.forEach(service -> running(service).stop());
        services.clear();
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }

    private Path publicKeyFile() {
        return options.work().resolve("demo-jwt-public.pem");
    }

    private static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with 'mvn -DskipTests install'");
        }
        return jar;
    }

    private static String newActivationKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Ports the services run on, for printing. */
    public Map<LocalService, URI> serviceUrls() {
        Map<LocalService, URI> urls = new EnumMap<>(LocalService.class);
        for (LocalService service : LocalService.values()) {
            urls.put(service, service(service));
        }
        return urls;
    }
}
