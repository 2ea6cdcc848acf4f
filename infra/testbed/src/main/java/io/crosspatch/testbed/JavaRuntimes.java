package io.crosspatch.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds {@code java} executables for the children. Cassandra 5.0 runs only on JDK 17 (it installs a security manager,
 * which later JDKs refuse), while the build may run on a newer JDK, so a JDK 17 is looked up separately.
 */
final class JavaRuntimes {

    /** System property naming the JDK 17 for Cassandra: its home directory or its {@code java} executable. */
    static final String JAVA17_PROPERTY = "crosspatch.testbed.java17";

    private static final List<Path> JVM_DIRECTORIES = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/lib64/jvm"));

    private JavaRuntimes() {}

    /** The {@code java} executable of the running JVM. */
    static Path current() {
        return executableOf(Path.of(System.getProperty("java.home")));
    }

    /** A JDK 17 {@code java}: the system property if set, else the running JVM if it is 17, else one installed. */
    static Path jdk17() {
        String configured = System.getProperty(JAVA17_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? executableOf(path) : path;
        }
        if (Runtime.version().feature() == 17) {
            return current();
        }
        return JVM_DIRECTORIES.stream()
                .flatMap(JavaRuntimes::homesIn)
                .filter(JavaRuntimes::isJava17)
                .map(JavaRuntimes::executableOf)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Cassandra needs a JDK 17 and none was found in "
                        + JVM_DIRECTORIES + "; set -D" + JAVA17_PROPERTY + "=<JDK 17 home>"));
    }

    private static Stream<Path> homesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static boolean isJava17(Path home) {
        return readRelease(home)
                .map(release -> release.contains("JAVA_VERSION=\"17\"") || release.contains("JAVA_VERSION=\"17."))
                .orElse(false);
    }

    private static Optional<String> readRelease(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(release));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path executableOf(Path home) {
        return home.resolve("bin").resolve("java");
    }
}
