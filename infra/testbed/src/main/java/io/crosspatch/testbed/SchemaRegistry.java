package io.crosspatch.testbed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real schema registry speaking the Confluent Schema Registry REST API: Apicurio Registry's ready-built distribution
 * (Confluent's own is not obtainable here), forked with in-memory storage. Its global compatibility is set to BACKWARD,
 * Confluent's default, because Apicurio's is NONE and tests must see breaking schema changes rejected.
 */
public final class SchemaRegistry implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final List<String> JVM_ARGS =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final ForkedJvm jvm;
    private final int port;

    private SchemaRegistry(ForkedJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Starts the registry on {@code port} and returns once it serves the Confluent API with BACKWARD compatibility. */
    public static SchemaRegistry start(Path workDir, int port) throws InterruptedException {
        ForkedJvm jvm = ForkedJvm.builder("schema-registry")
                .executableJar(Distributions.registryRunnerJar())
                .jvmArgs(JVM_ARGS)
                .jvmArgs(List.of("-Dquarkus.http.host=" + HOST, "-Dquarkus.http.port=" + port))
                .workingDir(workDir)
                .logFile(workDir.resolve("schema-registry.log"))
                .start();
        try {
            HttpClient http =
                    HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
            String url = baseUrl(port);
            Readiness.await(
                    jvm, READY_TIMEOUT, () -> get(http, url + "/subjects").statusCode() == 200);
            requireBackwardCompatibility(http, url, jvm);
            return new SchemaRegistry(jvm, port);
        } catch (InterruptedException | RuntimeException e) {
            jvm.stop();
            throw e;
        }
    }

    /** The Confluent-compatible base URL, the value of a Confluent serde's {@code schema.registry.url}. */
    public String url() {
        return baseUrl(port);
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

    private static String baseUrl(int port) {
        return "http://" + HOST + ":" + port + CCOMPAT_PATH;
    }

    private static void requireBackwardCompatibility(HttpClient http, String url, ForkedJvm jvm)
            throws InterruptedException {
        try {
            HttpResponse<String> put = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/config"))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", CONTENT_TYPE)
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = get(http, url + "/config");
            if (put.statusCode() != 200
                    || get.statusCode() != 200
                    || !get.body().contains("\"BACKWARD\"")) {
                throw jvm.failure("Could not set the registry's compatibility to BACKWARD: PUT answered "
                        + put.statusCode() + " " + put.body()
                        + ", GET answered " + get.statusCode() + " " + get.body());
            }
        } catch (IOException e) {
            throw jvm.failure("Could not set the registry's compatibility to BACKWARD", e);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(REQUEST_TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
