package io.crosspatch.reporting.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.reporting.support.Api;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The dashboard and the API descriptions are served without a token, and the descriptions parse and are complete. */
@SuppressWarnings("unchecked")
class ApiDescriptionsIntegrationTest extends ReportingIntegrationTest {

    @Test
    void servesAnOpenApiDescriptionOfEveryEndpoint() {
        Api.Response response = api.get("/openapi.yaml", null);

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> openApi = new Yaml().load(response.body());
        assertThat(openApi.get("openapi").toString()).startsWith("3.");
        assertThat((Map<String, Object>) openApi.get("paths"))
                .containsOnlyKeys(
                        "/v1/me",
                        "/v1/tenants/{tenantId}/summary",
                        "/v1/tenants/{tenantId}/instances",
                        "/v1/tenants/{tenantId}/instances/{instanceId}/updates",
                        "/v1/tenants/{tenantId}/instances/{instanceId}/inventory",
                        "/v1/tenants/{tenantId}/instances/{instanceId}/applications",
                        "/v1/tenants/{tenantId}/enrollment-failures",
                        "/v1/tenants/{tenantId}/policy-versions");
    }

    @Test
    void servesAnAsyncApiDocumentNamingEveryTopicItsKeyAndWriter() {
        Api.Response response = api.get("/asyncapi.yaml", null);

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> asyncApi = new Yaml().load(response.body());
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) asyncApi.get("channels");
        assertThat(channels.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Topics.all().stream().map(TopicDefinition::name).toList());
        channels.forEach((topic, channel) ->
                assertThat(channel.get("description").toString()).as(topic).contains("Written by", "Key:"));
    }

    @Test
    void servesTheDashboardWithoutAToken() {
        Api.Response page = api.get("/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<table id=\"summary\">", "dashboard.js");
        assertThat(api.get("/dashboard.js", null).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAnswerJsonNotFound() {
        Api.Response response = api.get("/no/such/thing", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("NOT_FOUND");
    }
}
