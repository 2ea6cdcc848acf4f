package io.crosspatch.testbed;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the servers' jars are: the kafka-dist, cassandra-dist and registry-dist modules record them as resources at
 * build time, so the jars stay in the local Maven repository and never join the classpath of a test or a service.
 */
final class Distributions {

    private static final String KAFKA_CLASSPATH = "META-INF/crosspatch/kafka.classpath";
    private static final String KAFKA_LOGGING_CLASSPATH = "META-INF/crosspatch/kafka-logging.classpath";
    private static final String CASSANDRA_CLASSPATH = "META-INF/crosspatch/cassandra.classpath";
    private static final String REGISTRY_PROPERTIES = "META-INF/crosspatch/registry.properties";

    private Distributions() {}

    /** The broker's jars plus the SLF4J binding that makes it log through its Log4j 2 configuration. */
    static List<String> kafkaClasspath() {
        List<String> entries = new ArrayList<>(classpath(KAFKA_CLASSPATH));
        entries.addAll(classpath(KAFKA_LOGGING_CLASSPATH));
        return entries;
    }

    static List<String> cassandraClasspath() {
        return classpath(CASSANDRA_CLASSPATH);
    }

    /** Apicurio Registry's runner jar; its {@code lib/} directory sits next to it. */
    static Path registryRunnerJar() {
        Properties properties = new Properties();
        try (InputStream in = open(REGISTRY_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + REGISTRY_PROPERTIES, e);
        }
        Path jar = Path.of(properties.getProperty("home"))
                .resolve("apicurio-registry-app-" + properties.getProperty("version") + "-runner.jar");
        return requireExists(jar, REGISTRY_PROPERTIES);
    }

    private static List<String> classpath(String resource) {
        try (InputStream in = open(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Arrays.stream(text.split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(entry -> requireExists(Path.of(entry), resource).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Distributions.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath; build the infra/*-dist modules");
        }
        return in;
    }

    private static Path requireExists(Path path, String resource) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (listed in " + resource + ") does not exist; "
                    + "re-run mvn install on the infra/*-dist modules");
        }
        return path;
    }
}
