package io.crosspatch.testbed;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM running a real server (Kafka, Cassandra, the schema registry) from its own classpath, so that none of
 * their jars, global state or logging end up in the JVM that starts them.
 *
 * <p>Children must never outlive their parent: each one runs its main class through {@link ParentWatchdogMain}, which
 * halts it when the parent disappears (even after {@code kill -9}), and a shutdown hook stops whatever is still running
 * when the parent exits normally. Output goes to a log file, not to the parent's console; a failure message carries
 * the tail of that file.
 */
public final class ForkedJvm {

    private static final Logger log = LoggerFactory.getLogger(ForkedJvm.class);

    private static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 40;
    private static final int LOG_TAIL_BYTES = 16 * 1024;
    /** System property every child carries, with the parent's pid as its value. */
    public static final String CHILD_MARKER = "crosspatch.testbed.child";

    private static final Set<ForkedJvm> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ForkedJvm::stopAllRunning, "forked-jvm-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration stopGrace;

    private ForkedJvm(String name, Process process, Path logFile, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.stopGrace = stopGrace;
    }

    /** Starts describing a child JVM; {@code name} is used in log lines and error messages. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits up to {@code timeout} for the child to exit; returns whether it has. */
    public boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code of a child that has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** An exception saying what went wrong, with the last lines of the child's log. */
    public IllegalStateException failure(String message) {
        return new IllegalStateException(message + describeLog());
    }

    /** An exception saying what went wrong, with the last lines of the child's log and the cause. */
    public IllegalStateException failure(String message, @Nullable Throwable cause) {
        return new IllegalStateException(message + describeLog(), cause);
    }

    /** The last lines of the child's log, for error messages. */
    public String logTail() {
        if (!Files.exists(logFile)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle by the seek
            }
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return String.join(System.lineSeparator(), tail);
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    /**
     * Stops the child: SIGTERM, so that it can shut down cleanly, then SIGKILL if it is still there after a grace
     * period. Returns once the process is gone. Safe to call more than once and from several threads.
     */
    public void stop() {
        requestStop();
        awaitStopped();
    }

    /**
     * Kills the child with SIGKILL, as a crash would (no shutdown hooks, nothing flushed), and returns once it is
     * gone. For fault drills; {@link #stop()} is the normal way.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!waitForExit(DEFAULT_STOP_GRACE)) {
                log.error("{} (pid {}) is still alive after SIGKILL", name, process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(this);
        }
    }

    private void requestStop() {
        if (process.isAlive()) {
            log.debug("Stopping {} (pid {})", name, process.pid());
            process.destroy();
        }
    }

    private synchronized void awaitStopped() {
        try {
            if (!waitForExit(stopGrace)) {
                log.warn(
                        "{} (pid {}) did not stop within {} ms; killing it", name, process.pid(), stopGrace.toMillis());
                process.destroyForcibly();
                if (!waitForExit(DEFAULT_STOP_GRACE)) {
                    log.error("{} (pid {}) is still alive after SIGKILL", name, process.pid());
                    return;
                }
            }
            log.debug("{} (pid {}) stopped with exit code {}", name, process.pid(), process.exitValue());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(this);
        }
    }

    private String describeLog() {
        return " (" + name + ", pid " + process.pid() + ", log " + logFile + "). Last lines of its log:"
                + System.lineSeparator() + logTail();
    }

    private static void stopAllRunning() {
        List<ForkedJvm> children = List.copyOf(RUNNING);
        children.forEach(ForkedJvm::requestStop);
        children.forEach(ForkedJvm::awaitStopped);
    }

    private static String watchdogClasspathEntry() {
        try {
            return Path.of(ParentWatchdogMain.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the testbed's own classes", e);
        }
    }

    /** Describes a child JVM; {@link #start()} forks it. */
    public static final class Builder {

        private final String name;
        private Path javaExecutable = JavaRuntimes.current();
        private final List<String> commandPrefix = new ArrayList<>();
        private final List<String> classpath = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private @Nullable String mainClass;
        private @Nullable Path workingDir;
        private @Nullable Path logFile;
        private Duration stopGrace = DEFAULT_STOP_GRACE;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The {@code java} executable; the current JVM's by default. */
        public Builder java(Path javaExecutable) {
            this.javaExecutable = javaExecutable;
            return this;
        }

        /** Words put before the {@code java} executable, e.g. a tool that drops capabilities and then execs. */
        public Builder commandPrefix(List<String> prefix) {
            commandPrefix.addAll(prefix);
            return this;
        }

        public Builder classpath(List<String> entries) {
            classpath.addAll(entries);
            return this;
        }

        public Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        /**
         * Runs an executable jar: its {@code Main-Class} as the main class and the jar on the classpath (the JVM
         * still follows the manifest's {@code Class-Path}), the equivalent of {@code java -jar} that leaves room for
         * the watchdog.
         */
        public Builder executableJar(Path jar) {
            try (JarFile jarFile = new JarFile(jar.toFile())) {
                Manifest manifest = jarFile.getManifest();
                String main =
                        manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                if (main == null) {
                    throw new IllegalArgumentException(jar + " has no Main-Class in its manifest");
                }
                classpath.add(jar.toString());
                mainClass = main;
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + jar, e);
            }
        }

        public Builder jvmArgs(List<String> values) {
            jvmArgs.addAll(values);
            return this;
        }

        public Builder args(List<String> values) {
            args.addAll(values);
            return this;
        }

        public Builder workingDir(Path dir) {
            this.workingDir = dir;
            return this;
        }

        /** Where the child's stdout and stderr go (appended). */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** How long {@link ForkedJvm#stop()} lets the child shut down after SIGTERM before killing it (15 s). */
        public Builder stopGracePeriod(Duration grace) {
            this.stopGrace = grace;
            return this;
        }

        public ForkedJvm start() {
            Objects.requireNonNull(mainClass, "mainClass");
            Objects.requireNonNull(workingDir, "workingDir");
            Objects.requireNonNull(logFile, "logFile");
            List<String> command = command();
            try {
                Files.createDirectories(workingDir);
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                Process process = new ProcessBuilder(command)
                        .directory(workingDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
                process.getOutputStream().close();
                ForkedJvm jvm = new ForkedJvm(name, process, logFile, stopGrace);
                RUNNING.add(jvm);
                log.debug("Forked {} as pid {} (log {}): {}", name, process.pid(), logFile, command);
                return jvm;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
            }
        }

        private List<String> command() {
            List<String> cp = new ArrayList<>(classpath);
            cp.add(watchdogClasspathEntry());
            List<String> command = new ArrayList<>(commandPrefix);
            command.add(javaExecutable.toString());
            command.addAll(jvmArgs);
            // A marker that lets CI (and a person) find any child that outlived the JVM that forked it.
            command.add("-D" + CHILD_MARKER + "=" + ProcessHandle.current().pid());
            command.add("-cp");
            command.add(String.join(File.pathSeparator, cp));
            command.add(ParentWatchdogMain.class.getName());
            command.add(Long.toString(ProcessHandle.current().pid()));
            command.add(mainClass);
            command.addAll(args);
            return command;
        }
    }
}
