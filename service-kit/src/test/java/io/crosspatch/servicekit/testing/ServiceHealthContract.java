package io.crosspatch.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service must show once its context is up against the real infrastructure: ready, Cassandra up,
 * metrics served. A service's test extends this and carries {@link CrosspatchIntegrationTest}.
 */
public abstract class ServiceHealthContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void shouldReportReadyAgainstRealInfrastructure() throws Exception {
        assertThat(status(get("/actuator/health/readiness"))).isEqualTo("UP");
        JsonNode health = JSON.readTree(get("/actuator/health"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("cassandra").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldServePrometheusMetrics() throws Exception {
        assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes");
    }

    private static String status(String healthJson) throws Exception {
        return JSON.readTree(healthJson).get("status").asText();
    }

    protected String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
