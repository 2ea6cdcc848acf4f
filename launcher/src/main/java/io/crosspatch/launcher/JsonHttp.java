package io.crosspatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The small JSON-over-HTTP client the launcher and the demo fleet talk to the platform with: the services' public
 * APIs and the simulator's control endpoints. Answers keep their status, so callers decide what a 404 means.
 */
public final class JsonHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status and body (JSON when it parses, else a text node). */
    public record Answer(int status, JsonNode body) {

        public JsonNode ok() {
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return body;
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public Answer get(URI uri, Map<String, String> headers) {
        return send(request(uri, headers).GET());
    }

    public Answer post(URI uri, Map<String, String> headers, @Nullable JsonNode body) {
        return send(request(uri, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString())));
    }

    public Answer put(URI uri, Map<String, String> headers, JsonNode body) {
        return send(request(uri, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Answer delete(URI uri, Map<String, String> headers) {
        return send(request(uri, headers).DELETE());
    }

    /** A GET whose body is wanted as sent (metadata services answer tokens and documents); fails unless 2xx. */
    public String text(URI uri, Map<String, String> headers) {
        return raw(request(uri, headers).GET());
    }

    /** A PUT with no body whose answer is wanted as sent (the EC2 IMDSv2 token); fails unless 2xx. */
    public String putText(URI uri, Map<String, String> headers) {
        return raw(request(uri, headers).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private String raw(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    request.build().method() + " " + request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (IOException e) {
                return JSON.getNodeFactory().textNode(text);
            }
        }
        return JSON.getNodeFactory().textNode(trimmed);
    }
}
