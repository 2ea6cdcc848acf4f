package io.crosspatch.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real infrastructure of the platform, on free loopback ports: a Kafka broker, a Cassandra node and a schema
 * registry, started in parallel because each takes seconds. Tests share one per JVM through {@link #shared()}; the
 * local platform launcher owns one through {@link #start(Path)}.
 */
public final class Testbed implements AutoCloseable {

    /** Parent directory of the shared testbed's work directory; {@code target/testbed} by default. */
    public static final String DIR_PROPERTY = "crosspatch.testbed.dir";

    /** {@code forked} or {@code container}; by default a container where Docker answers, else a forked broker. */
    public static final String KAFKA_PROPERTY = "crosspatch.testbed.kafka";

    private static final Logger log = LoggerFactory.getLogger(Testbed.class);

    private static final long START_TIMEOUT_MINUTES = 5;
    private static final int PIECES = 3;

    private static @Nullable Testbed shared;
    private static @Nullable RuntimeException sharedFailure;

    private final Path workDir;
    private final KafkaEndpoint kafka;
    private final CassandraNode cassandra;
    private final SchemaRegistry schemaRegistry;
    private final boolean isShared;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Testbed(
            Path workDir,
            KafkaEndpoint kafka,
            CassandraNode cassandra,
            SchemaRegistry schemaRegistry,
            boolean isShared) {
        this.workDir = workDir;
        this.kafka = kafka;
        this.cassandra = cassandra;
        this.schemaRegistry = schemaRegistry;
        this.isShared = isShared;
    }

    /**
     * The testbed of this JVM, started on first use under {@code target/testbed/<pid>} and stopped (its directory
     * deleted) when the JVM exits. {@link #close()} does nothing on it, so that no test can stop it for the others.
     */
    public static synchronized Testbed shared() {
        if (shared == null) {
            if (sharedFailure != null) {
                throw new IllegalStateException(
                        "The shared testbed failed to start earlier in this JVM", sharedFailure);
            }
            Path root =
                    Path.of(System.getProperty(DIR_PROPERTY, "target/testbed")).toAbsolutePath();
            removeAbandonedWorkDirs(root);
            try {
                Testbed testbed =
                        start(root.resolve(Long.toString(ProcessHandle.current().pid())), true);
                Runtime.getRuntime().addShutdownHook(new Thread(testbed::stop, "testbed-shutdown"));
                shared = testbed;
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /**
     * Starts a testbed whose servers keep their data and logs under {@code workDir}; the caller closes it. If a piece
     * fails to start, the others are stopped and the work directory is kept for its logs.
     */
    public static Testbed start(Path workDir) {
        return start(workDir.toAbsolutePath(), false);
    }

    public KafkaEndpoint kafka() {
        return kafka;
    }

    public CassandraNode cassandra() {
        return cassandra;
    }

    public SchemaRegistry schemaRegistry() {
        return schemaRegistry;
    }

    public Path workDir() {
        return workDir;
    }

    /** The connection settings a Spring Boot service needs, keyed by property name. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.cassandra.contact-points", cassandra.contactPoint());
        properties.put("spring.cassandra.local-datacenter", cassandra.localDatacenter());
        properties.put("crosspatch.schema-registry.url", schemaRegistry.url());
        return Collections.unmodifiableMap(properties);
    }

    /** Stops every server and deletes the work directory; does nothing on the {@linkplain #shared() shared} one. */
    @Override
    public void close() {
        if (isShared) {
            log.debug("Not closing the shared testbed: it stops when the JVM exits");
            return;
        }
        stop();
    }

    /** The forked servers' pids by name ({@code kafka}, {@code cassandra}, {@code schema-registry}), for sampling. */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (kafka instanceof KafkaBroker broker) {
            pids.put("kafka", broker.pid());
        }
        pids.put("cassandra", cassandra.pid());
        pids.put("schema-registry", schemaRegistry.pid());
        return pids;
    }

    /** The forked Kafka broker, which fault drills restart (see {@link KafkaBroker#restart()}). */
    public KafkaBroker forkedKafka() {
        if (kafka instanceof KafkaBroker broker) {
            return broker;
        }
        throw new IllegalStateException("Kafka runs in a container here, not as a forked broker");
    }

    /** The pids of the forked servers, for tests that check nothing is left running. */
    List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        if (kafka instanceof KafkaBroker broker) {
            pids.add(broker.pid());
        }
        pids.add(cassandra.pid());
        pids.add(schemaRegistry.pid());
        return pids;
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        List<Thread> stoppers = Stream.<Runnable>of(kafka::close, cassandra::close, schemaRegistry::close)
                .map(close -> new Thread(close, "testbed-stop"))
                .toList();
        stoppers.forEach(Thread::start);
        try {
            for (Thread stopper : stoppers) {
                stopper.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            WorkFiles.deleteRecursively(workDir);
        } catch (UncheckedIOException e) {
            log.warn("Could not delete the testbed's work directory {}", workDir, e);
        }
        log.info("Testbed stopped in {} ms", millisSince(started));
    }

    private static Testbed start(Path workDir, boolean isShared) {
        long started = System.nanoTime();
        List<Integer> ports = FreePorts.take(5);
        List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
        ExecutorService executor = Executors.newFixedThreadPool(PIECES, threadsNamed("testbed-start"));
        CompletionService<Object> completion = new ExecutorCompletionService<>(executor);
        Future<Object> kafka = completion.submit(timed(
                "Kafka",
                running,
                KafkaEndpoint::bootstrapServers,
                () -> startKafka(workDir.resolve("kafka"), ports.get(0), ports.get(1))));
        Future<Object> cassandra = completion.submit(timed(
                "Cassandra",
                running,
                CassandraNode::contactPoint,
                () -> CassandraNode.start(workDir.resolve("cassandra"), ports.get(2), ports.get(3))));
        Future<Object> registry = completion.submit(timed(
                "Schema registry",
                running,
                (SchemaRegistry ready) -> "127.0.0.1:" + ready.port(),
                () -> SchemaRegistry.start(workDir.resolve("schema-registry"), ports.get(4))));
        try {
            awaitAll(completion);
            Testbed testbed = new Testbed(
                    workDir,
                    (KafkaEndpoint) kafka.get(),
                    (CassandraNode) cassandra.get(),
                    (SchemaRegistry) registry.get(),
                    isShared);
            log.info("Testbed ready in {} ms, work directory {}", millisSince(started), workDir);
            return testbed;
        } catch (ExecutionException e) {
            stopAll(executor, running);
            throw new IllegalStateException("The testbed did not start; logs are in " + workDir, e.getCause());
        } catch (InterruptedException e) {
            stopAll(executor, running);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the testbed", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitAll(CompletionService<Object> completion) throws InterruptedException, ExecutionException {
        for (int i = 0; i < PIECES; i++) {
            Future<Object> done = completion.poll(START_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (done == null) {
                throw new ExecutionException(new IllegalStateException(
                        "The testbed was not ready within " + START_TIMEOUT_MINUTES + " minutes"));
            }
            done.get();
        }
    }

    /** Interrupts the pieces still starting (each stops its own process) and stops those already running. */
    private static void stopAll(ExecutorService executor, List<AutoCloseable> running) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List.copyOf(running).forEach(Testbed::closeLoggingFailure);
    }

    private static void closeLoggingFailure(AutoCloseable piece) {
        try {
            piece.close();
        } catch (Exception e) {
            log.warn("Could not stop {}", piece, e);
        }
    }

    private static KafkaEndpoint startKafka(Path dir, int port, int controllerPort) throws InterruptedException {
        String mode = System.getProperty(KAFKA_PROPERTY, "");
        boolean container = switch (mode) {
            case "forked" -> false;
            case "container" -> true;
            case "" -> Docker.isUsable();
            default ->
                throw new IllegalArgumentException(
                        KAFKA_PROPERTY + " must be 'forked' or 'container', not '" + mode + "'");
        };
        return container ? KafkaContainerEndpoint.start() : KafkaBroker.start(dir, port, controllerPort);
    }

    private static <T extends AutoCloseable> Callable<Object> timed(
            String piece, List<AutoCloseable> running, Function<T, String> address, PieceStarter<T> starter) {
        return () -> {
            long started = System.nanoTime();
            T ready = starter.start();
            running.add(ready);
            log.info("{} ready on {} in {} ms", piece, address.apply(ready), millisSince(started));
            return ready;
        };
    }

    private static void removeAbandonedWorkDirs(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(dir -> isWorkDirOfDeadProcess(dir.getFileName().toString()))
                    .forEach(dir -> {
                        log.debug("Removing the work directory {} of a JVM that is gone", dir);
                        WorkFiles.deleteRecursively(dir);
                    });
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not clean up old testbed directories under {}", root, e);
        }
    }

    private static boolean isWorkDirOfDeadProcess(String name) {
        if (!name.chars().allMatch(Character::isDigit) || name.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(name));
        return process.map(handle -> !handle.isAlive()).orElse(true);
    }

    private static ThreadFactory threadsNamed(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /** Starts one piece of the testbed and returns once it serves requests. */
    @FunctionalInterface
    private interface PieceStarter<T> {
        T start() throws Exception;
    }
}
