package io.crosspatch.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service must show once its context is up against the real infrastructure: ready, Cassandra up,
 * metrics served — on the management port only; the public port serves no actuator endpoint. A service's test
 * extends this and carries {@link CrosspatchIntegrationTest}.
 */
public abstract class ServiceHealthContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void shouldReportReadyAgainstRealInfrastructure() throws Exception {
        assertThat(status(management("/actuator/health/readiness"))).isEqualTo("UP");
        assertThat(status(management("/actuator/health/liveness"))).isEqualTo("UP");
        JsonNode health = JSON.readTree(management("/actuator/health"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("cassandra").get("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void shouldServePrometheusMetrics() throws Exception {
        assertThat(management("/actuator/prometheus")).contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldServeNoActuatorEndpointOnThePublicPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of(
                "/actuator",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/health/liveness",
                "/actuator/prometheus",
                "/actuator/env",
                "/actuator/info",
                "/actuator/configprops",
                "/actuator/heapdump")) {
            HttpResponse<String> response = send(port, path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain("jvm_memory")
                    .doesNotContain("\"components\"")
                    .doesNotContain("\"UP\"");
        }
    }

    @Test
    void shouldNotExposeEnvironmentOrConfigurationEvenOnTheManagementPort() throws Exception {
        for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump")) {
            assertThat(send(managementPort, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private static String status(String healthJson) throws Exception {
        return JSON.readTree(healthJson).get("status").asText();
    }

    /** The body of a GET on the management port, which must answer 200. */
    protected String management(String path) throws Exception {
        HttpResponse<String> response = send(managementPort, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> send(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
