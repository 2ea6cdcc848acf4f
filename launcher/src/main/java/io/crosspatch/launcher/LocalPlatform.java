package io.crosspatch.launcher;

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
import java.util.Base64;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local platform: the real Kafka, Cassandra and schema registry of the testbed, then the four services,
 * each in its own JVM as in production, until Ctrl-C. Every child runs under the testbed's parent watchdog,
 * so none outlives this process, however it ends.
 */
public final class LocalPlatform {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final int SIMULATOR_PORT = 4566;
    /** The simulator's management keys: simulator-only values, not secrets of anything real. */
    private static final String SIMULATOR_ACCESS_KEY_ID = "AKIACROSSPATCHMGMT01";
    private static final String SIMULATOR_SECRET_ACCESS_KEY = "crosspatch/simulator/management/secret00";
    private static final String ACTIVATION_KEY_ID = "local";

    private final Path root;
    private final Path work;
    private final List<ForkedJvm> services = new ArrayList<>();
    private Testbed infrastructure;
    private ForkedJvm simulator;
    /** A fresh key per run for the activation codes patching-service encrypts (identity-service will share it). */
    private final String activationKey = newActivationKey();
    private final DemoTokens tokens = new DemoTokens();

    private LocalPlatform(Path root) {
        this.root = root;
        this.work = root.resolve(".crosspatch").resolve("local");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalPlatform platform = new LocalPlatform(root);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "local-platform-stop"));
        platform.start();
        new CountDownLatch(1).await();
    }

    private void start() throws Exception {
        long started = System.nanoTime();
        wipe(work);
        infrastructure = Testbed.start(work.resolve("infra"));
        tokens.writePublicKey(work.resolve("demo-jwt-public.pem"));
        simulator = launchSimulator();
        for (LocalService service : LocalService.values()) {
            services.add(launch(service));
        }
        for (LocalService service : LocalService.values()) {
            awaitReady(service);
        }
        Map<String, String> infra = infrastructure.springProperties();
        log.info("Crosspatch is running ({} s). Ctrl-C stops everything.", (System.nanoTime() - started) / 1_000_000_000);
        log.info("  Kafka            {}", infra.get("spring.kafka.bootstrap-servers"));
        log.info("  Cassandra        {}", infra.get("spring.cassandra.contact-points"));
        log.info("  Schema registry  {}", infra.get("crosspatch.schema-registry.url"));
        log.info("  AWS simulator    http://127.0.0.1:{}  (management access key {}; see cloud-simulator/README.md)",
                SIMULATOR_PORT, SIMULATOR_ACCESS_KEY_ID);
        log.info("  Dashboard        http://127.0.0.1:{}/?token={}  (operator token of this run, valid 12 h)",
                LocalService.REPORTING.port(), tokens.token("local-operator", null));
        for (LocalService service : LocalService.values()) {
            log.info("  {} http://127.0.0.1:{}/actuator/health  (log: {})", String.format("%-16s", service.module()),
                    service.port(), work.resolve(service.module() + ".log"));
        }
    }

    /** The AWS control plane and the clouds' identity services the platform talks to here, on a fixed port for the AWS CLI. */
    private ForkedJvm launchSimulator() throws InterruptedException {
        Path jar = root.resolve("cloud-simulator").resolve("target").resolve("cloud-simulator.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with 'mvn -DskipTests install'");
        }
        ForkedJvm jvm = ForkedJvm.builder("cloud-simulator")
                .executableJar(jar)
                .jvmArgs(List.of("-Xms64m", "-Xmx512m"))
                .args(List.of(Integer.toString(SIMULATOR_PORT)))
                .workingDir(work)
                .logFile(work.resolve("cloud-simulator.log"))
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest clock = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SIMULATOR_PORT + "/_sim/clock")).build();
        Readiness.await(jvm, READY_TIMEOUT, () -> http.send(clock, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return jvm;
    }

    private ForkedJvm launch(LocalService service) {
        Path jar = service.jar(root);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with 'mvn -DskipTests install'");
        }
        List<String> args = new ArrayList<>();
        infrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--crosspatch.schema-registry.auto-register=true");
        args.add("--server.port=" + service.port());
        if (service == LocalService.ACCOUNT) {
            // account-service holds the management account's keys: here, the simulator's.
            args.add("--crosspatch.aws.endpoint=http://127.0.0.1:" + SIMULATOR_PORT);
            args.add("--crosspatch.aws.access-key-id=" + SIMULATOR_ACCESS_KEY_ID);
            args.add("--crosspatch.aws.secret-access-key=" + SIMULATOR_SECRET_ACCESS_KEY);
        }
        if (service == LocalService.REPORTING) {
            args.add("--crosspatch.reporting.auth.issuer=" + DemoTokens.ISSUER);
            args.add("--crosspatch.reporting.auth.public-key-location=file:" + work.resolve("demo-jwt-public.pem"));
        }
        if (service == LocalService.PATCHING) {
            // patching-service assumes roles in the system accounts; the simulator knows only the management keys.
            args.add("--crosspatch.aws.endpoint=http://127.0.0.1:" + SIMULATOR_PORT);
            args.add("--crosspatch.aws.management-access-key-id=" + SIMULATOR_ACCESS_KEY_ID);
            args.add("--crosspatch.aws.management-secret-access-key=" + SIMULATOR_SECRET_ACCESS_KEY);
            args.add("--crosspatch.activation-encryption.keys." + ACTIVATION_KEY_ID + "=" + activationKey);
            args.add("--crosspatch.activation-encryption.current-key-id=" + ACTIVATION_KEY_ID);
        }
        return ForkedJvm.builder(service.module())
                .executableJar(jar)
                .jvmArgs(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .args(args)
                .workingDir(work)
                .logFile(work.resolve(service.module() + ".log"))
                .start();
    }

    private void awaitReady(LocalService service) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/actuator/health/readiness")).build();
        Readiness.await(services.get(service.ordinal()), READY_TIMEOUT,
                () -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        log.info("{} ready on port {}", service.module(), service.port());
    }

    private void stop() {
        log.info("stopping Crosspatch");
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
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
}
