package io.crosspatch.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A small client of the Confluent Schema Registry REST API (which Apicurio's ccompat API also speaks), with
 * the two caches a serde needs: schema by id for readers, id by (subject, schema) for writers. Both are
 * immutable facts in a registry, so entries never expire.
 *
 * <p>Registry answers map to typed failures: 404 on an id is {@link UnknownSchemaIdException}, 409 on
 * registration is {@link IncompatibleSchemaException}, and an unreachable registry or a 5xx is the only
 * retryable one, {@link SchemaRegistryUnavailableException}.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryConfig config;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    public SchemaRegistryClient(SchemaRegistryConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** The writer schema with this id. */
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, this::fetchSchema);
    }

    /** The id of {@code schema} under {@code subject}: registered if auto-registration is on, else looked up. */
    public int idFor(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(
                new SubjectSchema(subject, schema),
                key -> config.autoRegister() ? register(subject, schema) : lookUp(subject, schema));
    }

    /** Registers {@code schema} under {@code subject} (idempotent in the registry) and returns its id. */
    public int register(String subject, Schema schema) {
        HttpResponse<String> response = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        if (response.statusCode() == 409 || response.statusCode() == 422) {
            throw new IncompatibleSchemaException(subject, errorMessage(response));
        }
        int id = requireSuccess(response, subject).get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private int lookUp(String subject, Schema schema) {
        HttpResponse<String> response = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        if (response.statusCode() == 404) {
            throw new SchemaNotRegisteredException(subject);
        }
        return requireSuccess(response, subject).get("id").asInt();
    }

    private Schema fetchSchema(int id) {
        HttpResponse<String> response = send("GET", "/schemas/ids/" + id, null);
        if (response.statusCode() == 404) {
            throw new UnknownSchemaIdException(id);
        }
        JsonNode body = requireSuccess(response, "schema id " + id);
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    private JsonNode requireSuccess(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status >= 500) {
            throw new SchemaRegistryUnavailableException("schema registry answered " + status + " for " + what);
        }
        if (status >= 300) {
            throw new IllegalStateException(
                    "schema registry answered " + status + " for " + what + ": " + errorMessage(response));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryUnavailableException("unreadable schema registry answer for " + what, e);
        }
    }

    /** Tries each configured URL in turn; only when all are unreachable is the registry unavailable. */
    private HttpResponse<String> send(String method, String path, @Nullable String body) {
        SchemaRegistryUnavailableException last = null;
        for (URI base : config.urls()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(config.requestTimeout())
                    .header("Accept", CONTENT_TYPE + ", application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            config.basicAuthUserInfo()
                    .ifPresent(userInfo -> request.header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException | HttpTimeoutException e) {
                last = new SchemaRegistryUnavailableException("schema registry " + base + " unreachable: " + e, e);
            } catch (IOException e) {
                last = new SchemaRegistryUnavailableException("schema registry " + base + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("interrupted while calling the schema registry", e);
            }
        }
        throw last;
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String errorMessage(HttpResponse<String> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node.has("message") ? node.get("message").asText() : response.body();
        } catch (IOException e) {
            return response.body();
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    private record SubjectSchema(String subject, Schema schema) {}
}
