package io.crosspatch.account.vending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The cloud simulator of the test JVM (the account-service tests share one), its settings restored before each
 * test, and its test-only organizations endpoints.
 */
public final class TestSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CloudSimulator simulator;

    private TestSimulator() {
    }

    public static synchronized CloudSimulator get() {
        if (simulator == null) {
            simulator = CloudSimulator.start(SimulatorConfig.defaults());
        }
        return simulator;
    }

    /** Properties that point account-service at the simulator with the management keys. */
    public static Map<String, String> springProperties() {
        CloudSimulator sim = get();
        Map<String, String> properties = new HashMap<>();
        properties.put("crosspatch.aws.endpoint", sim.endpoint().toString());
        properties.put("crosspatch.aws.region", "eu-west-1");
        properties.put("crosspatch.aws.access-key-id", sim.managementCredentials().accessKeyId());
        properties.put("crosspatch.aws.secret-access-key", sim.managementCredentials().secretAccessKey());
        return properties;
    }

    /**
     * Back to the defaults: creations take 2 s, roles are assumable at once, no faults or failures pending; every
     * creation an earlier test left in progress completes; call counts start from zero.
     */
    public static void reset() {
        CloudSimulator sim = get();
        sim.context().config().accountCreationDuration(Duration.ofSeconds(2)).roleAssumableDelay(Duration.ZERO);
        sim.traffic().clearFaults();
        send("DELETE", "/_sim/organizations/failures", null);
        sim.clock().advance(Duration.ofHours(2));
        sim.traffic().resetBuckets();
        sim.calls().reset();
    }

    /** The next creation for {@code email} ends FAILED with {@code reason}. */
    public static void failNextCreation(String email, String reason) {
        send("POST", "/_sim/organizations/failures",
                JSON.createObjectNode().put("reason", reason).put("count", 1).put("email", email).toString());
    }

    /** The organization's accounts tagged with this cloud account id. */
    public static List<JsonNode> accountsTagged(String cloudAccountId) {
        JsonNode accounts = send("GET", "/_sim/organizations/accounts", null);
        return StreamSupport.stream(accounts.spliterator(), false)
                .filter(account -> cloudAccountId.equals(account.path("tags").path("crosspatch:cloud-account-id").asText()))
                .toList();
    }

    public static long calls(String service, String operation) {
        return get().calls().count(service, operation);
    }

    private static JsonNode send(String method, String path, String body) {
        URI uri = get().endpoint().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
