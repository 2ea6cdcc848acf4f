package io.crosspatch.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real single-node Apache Cassandra 5.0, forked on a JDK 17 from the jars that cassandra-dist records (Cassandra
 * needs its own Netty and Logback, and leaves global state behind, so it never runs inside the test JVM). The node
 * owns the whole ring with one token, never bootstraps and keeps caches and memtables small.
 */
public final class CassandraNode implements AutoCloseable, RestartableServer {

    private static final String HOST = "127.0.0.1";
    private static final String DATACENTER = "datacenter1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int PROBE_TIMEOUT_MILLIS = 2000;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private static final List<String> HEAP_AND_JIT =
            List.of("-Xms64m", "-Xmx512m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * Replaces {@link #HEAP_AND_JIT} (space-separated JVM options): the defaults start fast for tests; a
     * benchmark wants the full JIT and a bigger heap, e.g. {@code -Xms1g -Xmx1g -XX:+UseG1GC}.
     */
    public static final String JVM_OPTIONS_PROPERTY = "crosspatch.testbed.cassandra.jvm-options";

    /** The JPMS section of Cassandra's conf/jvm17-server.options: without it, start-up fails on DirectBuffer. */
    private static final List<String> JDK17_MODULE_FLAGS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports",
            "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports",
            "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports",
            "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports",
            "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports",
            "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports",
            "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports",
            "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports",
            "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports",
            "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens",
            "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.io=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens",
            "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private final Path workDir;
    private final int port;
    private final int storagePort;
    /** Replaced by {@link #restart()}; the node keeps its data directory and ports across restarts. */
    private volatile ForkedJvm jvm;

    private CassandraNode(Path workDir, ForkedJvm jvm, int port, int storagePort) {
        this.workDir = workDir;
        this.jvm = jvm;
        this.port = port;
        this.storagePort = storagePort;
    }

    /**
     * Starts a node with its data under {@code workDir} and returns once it accepts a CQL session on
     * {@code nativePort}; {@code storagePort} is its (otherwise unused) inter-node port.
     */
    public static CassandraNode start(Path workDir, int nativePort, int storagePort) throws InterruptedException {
        return new CassandraNode(workDir, launch(workDir, nativePort, storagePort), nativePort, storagePort);
    }

    /**
     * Stops the node (SIGTERM: Cassandra drains) and starts it again on the same data and ports; returns once it
     * accepts CQL again. The commit log replays whatever was not yet flushed.
     */
    @Override
    public void restart() throws InterruptedException {
        jvm.stop();
        jvm = launch(workDir, port, storagePort);
    }

    /** Kills the node with SIGKILL, as a crash would, and starts it again; the commit log is what saves the writes. */
    @Override
    public void crashAndRestart() throws InterruptedException {
        jvm.kill();
        jvm = launch(workDir, port, storagePort);
    }

    private static ForkedJvm launch(Path workDir, int nativePort, int storagePort) throws InterruptedException {
        Path yaml = writeCassandraYaml(workDir, nativePort, storagePort);
        Path logback = writeLogbackXml(workDir);
        String jvmOptions = System.getProperty(JVM_OPTIONS_PROPERTY, "").strip();
        List<String> jvmArgs = new ArrayList<>(jvmOptions.isEmpty() ? HEAP_AND_JIT : List.of(jvmOptions.split("\\s+")));
        jvmArgs.addAll(JDK17_MODULE_FLAGS);
        jvmArgs.addAll(List.of(
                "-Djava.net.preferIPv4Stack=true",
                "-Dcassandra.config=" + yaml.toUri(),
                "-Dcassandra.storagedir=" + workDir,
                "-Dcassandra.native_transport_port=" + nativePort,
                "-Dcassandra.storage_port=" + storagePort,
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.memtable.row_overhead_size=181",
                "-Dcassandra-foreground=true",
                // A single node has no peer to tell it is leaving; the default waits 2 s on every stop.
                "-Dcassandra.shutdown_announce_in_ms=0",
                "-Dlogback.configurationFile=" + logback.toUri()));
        ForkedJvm jvm = ForkedJvm.builder("cassandra")
                .commandPrefix(withoutMemoryLocking())
                .java(JavaRuntimes.jdk17())
                .classpath(Distributions.cassandraClasspath())
                .mainClass("org.apache.cassandra.service.CassandraDaemon")
                .jvmArgs(jvmArgs)
                .workingDir(workDir)
                .logFile(workDir.resolve("cassandra.log"))
                .start();
        try {
            Readiness.await(jvm, READY_TIMEOUT, () -> CqlHandshake.accepted(HOST, nativePort, PROBE_TIMEOUT_MILLIS));
            return jvm;
        } catch (InterruptedException | RuntimeException e) {
            jvm.stop();
            throw e;
        }
    }

    /** {@code host:port}, the form of {@code spring.cassandra.contact-points}. */
    public String contactPoint() {
        return HOST + ":" + port;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The data centre the driver must be told it is local to. */
    public String localDatacenter() {
        return DATACENTER;
    }

    public long pid() {
        return jvm.pid();
    }

    @Override
    public void close() {
        jvm.stop();
    }

    /**
     * Cassandra calls {@code mlockall} unconditionally; as root that succeeds and pins hundreds of megabytes. Dropping
     * CAP_IPC_LOCK from the bounding set before exec makes the call fail harmlessly.
     */
    private static List<String> withoutMemoryLocking() {
        if (isRoot() && Files.isExecutable(SETPRIV)) {
            return List.of(SETPRIV.toString(), "--bounding-set=-ipc_lock");
        }
        return List.of();
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (Exception e) {
            return false;
        }
    }

    private static Path writeCassandraYaml(Path workDir, int nativePort, int storagePort) {
        String yaml = """
                cluster_name: crosspatch-testbed
                num_tokens: 1
                initial_token: 0
                auto_bootstrap: false
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                endpoint_snitch: SimpleSnitch
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "%1$s:%3$d"
                listen_address: %1$s
                rpc_address: %1$s
                storage_port: %3$d
                native_transport_port: %2$d
                start_native_transport: true
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                commitlog_segment_size: 8MiB
                data_file_directories:
                  - %4$s
                commitlog_directory: %5$s
                saved_caches_directory: %6$s
                hints_directory: %7$s
                cdc_raw_directory: %8$s
                hinted_handoff_enabled: false
                auto_snapshot: false
                key_cache_size: 8MiB
                counter_cache_size: 0MiB
                row_cache_size: 0MiB
                prepared_statements_cache_size: 8MiB
                file_cache_size: 32MiB
                memtable_heap_space: 64MiB
                memtable_offheap_space: 64MiB
                concurrent_reads: 16
                concurrent_writes: 16
                # Lightweight transactions claim every enrollment, instance and system account: v2 needs fewer round trips.
                paxos_variant: v2
                concurrent_counter_writes: 4
                concurrent_compactors: 1
                """.formatted(
                        HOST,
                        nativePort,
                        storagePort,
                        workDir.resolve("data"),
                        workDir.resolve("commitlog"),
                        workDir.resolve("saved_caches"),
                        workDir.resolve("hints"),
                        workDir.resolve("cdc_raw"));
        return WorkFiles.write(workDir.resolve("cassandra.yaml"), yaml);
    }

    private static Path writeLogbackXml(Path workDir) {
        String xml = """
                <configuration>
                  <appender name="stdout" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder>
                      <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                    </encoder>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="stdout"/>
                  </root>
                </configuration>
                """;
        return WorkFiles.write(workDir.resolve("logback.xml"), xml);
    }
}
