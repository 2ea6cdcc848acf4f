package io.crosspatch.testbed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller in one process), forked from
 * the jars that kafka-dist records. Tuned for tests: replication factor 1 everywhere, no initial rebalance delay, and
 * no automatic topic creation, so that a service that forgets to declare a topic fails here as it would in production.
 */
public final class KafkaBroker implements KafkaEndpoint, RestartableServer {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int PROBE_TIMEOUT_MILLIS = 2000;
    private static final List<String> JVM_ARGS = List.of(
            "-Xms128m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-Djava.awt.headless=true");
    private static final List<String> TOOL_JVM_ARGS =
            List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Path workDir;
    private final Path config;
    private final int port;
    /** Replaced by {@link #restart()}; the broker keeps its log directory, ports and cluster id across restarts. */
    private volatile ForkedJvm jvm;

    private KafkaBroker(Path workDir, Path config, ForkedJvm jvm, int port) {
        this.workDir = workDir;
        this.config = config;
        this.jvm = jvm;
        this.port = port;
    }

    /**
     * Formats a fresh log directory under {@code workDir}, starts the broker and returns once it answers an admin
     * request. {@code port} is the client listener, {@code controllerPort} the KRaft controller listener.
     */
    public static KafkaBroker start(Path workDir, int port, int controllerPort) throws InterruptedException {
        Path config = writeConfiguration(workDir, port, controllerPort);
        writeLog4jConfiguration(workDir);
        format(workDir, Distributions.kafkaClasspath(), config, loggingArgs(workDir));
        return new KafkaBroker(workDir, config, launch(workDir, config, port), port);
    }

    /**
     * Stops the broker (SIGTERM, a controlled shutdown) and starts it again on the same ports and log directory;
     * returns once it answers again. Clients see the broker vanish and come back, as in a rolling restart.
     */
    @Override
    public void restart() throws InterruptedException {
        jvm.stop();
        jvm = launch(workDir, config, port);
    }

    /** Kills the broker with SIGKILL (unflushed writes lost, as in a crash) and starts it again on the same data. */
    @Override
    public void crashAndRestart() throws InterruptedException {
        jvm.kill();
        jvm = launch(workDir, config, port);
    }

    private static ForkedJvm launch(Path workDir, Path config, int port) throws InterruptedException {
        ForkedJvm jvm = ForkedJvm.builder("kafka")
                .classpath(Distributions.kafkaClasspath())
                .mainClass("kafka.Kafka")
                .jvmArgs(JVM_ARGS)
                .jvmArgs(loggingArgs(workDir))
                .args(List.of(config.toString()))
                .workingDir(workDir)
                .logFile(workDir.resolve("kafka.log"))
                .start();
        try {
            awaitReady(jvm, port);
            return jvm;
        } catch (InterruptedException | RuntimeException e) {
            jvm.stop();
            throw e;
        }
    }

    private static List<String> loggingArgs(Path workDir) {
        return List.of(
                "-Dlog4j2.configurationFile=" + workDir.resolve("log4j2.xml").toUri());
    }

    @Override
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return jvm.pid();
    }

    @Override
    public void close() {
        jvm.stop();
    }

    private static void format(Path workDir, List<String> classpath, Path config, List<String> loggingArgs)
            throws InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        ForkedJvm tool = ForkedJvm.builder("kafka-storage-format")
                .classpath(classpath)
                .mainClass("kafka.tools.StorageTool")
                .jvmArgs(TOOL_JVM_ARGS)
                .jvmArgs(loggingArgs)
                .args(List.of("format", "--cluster-id", clusterId, "--config", config.toString()))
                .workingDir(workDir)
                .logFile(workDir.resolve("kafka-storage-format.log"))
                .start();
        try {
            if (!tool.waitForExit(FORMAT_TIMEOUT)) {
                throw tool.failure(
                        "Formatting Kafka's log directory did not finish within " + FORMAT_TIMEOUT.toSeconds() + " s");
            }
            if (tool.exitValue() != 0) {
                throw tool.failure("Formatting Kafka's log directory failed with exit code " + tool.exitValue());
            }
            log.debug("Formatted Kafka's log directory for cluster {}", clusterId);
        } finally {
            tool.stop();
        }
    }

    private static void awaitReady(ForkedJvm jvm, int port) throws InterruptedException {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                HOST + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                PROBE_TIMEOUT_MILLIS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                PROBE_TIMEOUT_MILLIS,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                200,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG,
                100,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "testbed-readiness");
        // The admin client is created only once the port accepts connections: it logs every refused connection.
        Readiness.await(jvm, READY_TIMEOUT, () -> accepts(port));
        try (Admin admin = Admin.create(adminConfig)) {
            Readiness.await(jvm, READY_TIMEOUT, () -> hasNodes(admin));
        }
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), PROBE_TIMEOUT_MILLIS);
            return true;
        }
    }

    private static boolean hasNodes(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MILLIS))
                .nodes()
                .get(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .isEmpty();
    }

    private static Path writeConfiguration(Path workDir, int port, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        settings.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", workDir.resolve("data").toString());
        settings.put("auto.create.topics.enable", "false");
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("log.segment.bytes", Integer.toString(8 * 1024 * 1024));
        settings.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("background.threads", "2");
        String text = settings.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
        return WorkFiles.write(workDir.resolve("server.properties"), text);
    }

    private static Path writeLog4jConfiguration(Path workDir) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="stdout" target="SYSTEM_OUT">
                      <PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level [%thread] %logger{1.} - %msg%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="org.apache.kafka.common.config" level="WARN"/>
                    <Logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
                    <Logger name="state.change.logger" level="WARN"/>
                    <Root level="INFO">
                      <AppenderRef ref="stdout"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """;
        return WorkFiles.write(workDir.resolve("log4j2.xml"), xml);
    }
}
