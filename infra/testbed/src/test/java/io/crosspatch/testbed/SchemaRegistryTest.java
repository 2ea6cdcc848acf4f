package io.crosspatch.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCOUNT_V1 = """
            {"type": "record", "name": "CloudAccount", "namespace": "io.crosspatch.test",
             "fields": [{"name": "accountKey", "type": "string"}]}""";
    private static final String ACCOUNT_V2_WITH_DEFAULT = """
            {"type": "record", "name": "CloudAccount", "namespace": "io.crosspatch.test",
             "fields": [{"name": "accountKey", "type": "string"},
                        {"name": "region", "type": "string", "default": "global"}]}""";
    private static final String ACCOUNT_V2_WITHOUT_DEFAULT = """
            {"type": "record", "name": "CloudAccount", "namespace": "io.crosspatch.test",
             "fields": [{"name": "accountKey", "type": "string"},
                        {"name": "region", "type": "string"}]}""";

    private final String url = Testbed.shared().schemaRegistry().url();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void enforcesBackwardCompatibilityGlobally() throws Exception {
        HttpResponse<String> config = http.send(
                HttpRequest.newBuilder(URI.create(url + "/config")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("BACKWARD");
    }

    @Test
    void rejectsABackwardIncompatibleSchemaWithConflict() throws Exception {
        // given a subject with a first version
        String subject = "cloud-account-" + UUID.randomUUID() + "-value";
        HttpResponse<String> first = register(subject, ACCOUNT_V1);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"id\"");

        // when a new version adds a field that old records cannot fill
        HttpResponse<String> breaking = register(subject, ACCOUNT_V2_WITHOUT_DEFAULT);

        // then it is refused, while a compatible evolution is accepted
        assertThat(breaking.statusCode()).isEqualTo(409);
        assertThat(register(subject, ACCOUNT_V2_WITH_DEFAULT).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> register(String subject, String avroSchema) throws IOException, InterruptedException {
        String body = "{\"schema\": \"" + avroSchema.replace("\"", "\\\"").replace("\n", " ") + "\"}";
        return http.send(
                HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
