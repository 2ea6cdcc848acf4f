package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.JsonHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator's test-only control endpoints the sweep uses: rate limits, call counts, the Organizations accounts
 * (with the tags account-service set), managed nodes, maintenance windows and the patch ground truth. Never a
 * Crosspatch API: this is what AWS "really" holds.
 */
final class SimulatorControl {

    /** One maintenance window of one system account and region. */
    record Window(String accountId, String region, String windowId, String name) {
    }

    private final JsonHttp http;
    private final URI simulator;
    /** JsonHttp has no DELETE; resetting the call counts is the only one the sweep needs. */
    private final HttpClient deletes = HttpClient.newHttpClient();

    SimulatorControl(JsonHttp http, URI simulator) {
        this.http = http;
        this.simulator = simulator;
    }

    /** Switches the per-account, per-API token buckets off, or back on with their defaults. */
    void rateLimits(boolean enabled) {
        http.post(simulator.resolve("/_sim/limits"), Map.of(), JsonHttp.object().put("enabled", enabled)).ok();
    }

    /** The simulated now (real time plus the offset the clock was advanced by). */
    Instant now() {
        return Instant.parse(http.get(simulator.resolve("/_sim/clock"), Map.of()).ok().get("now").asText());
    }

    /** Call counts per account, service and operation since the last reset. */
    JsonNode calls() {
        return http.get(simulator.resolve("/_sim/calls"), Map.of()).ok();
    }

    void resetCalls() {
        HttpRequest reset = HttpRequest.newBuilder(simulator.resolve("/_sim/calls")).DELETE().build();
        try {
            int status = deletes.send(reset, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("DELETE /_sim/calls answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode organizationAccounts() {
        return http.get(simulator.resolve("/_sim/organizations/accounts"), Map.of()).ok();
    }

    JsonNode nodes(String accountId, String region) {
        return http.get(simulator.resolve("/_sim/nodes?accountId=" + encode(accountId) + "&region=" + encode(region)), Map.of()).ok();
    }

    /** Every reported node's counts, operation and times, without the patch lists (megabytes at 1,000 nodes). */
    JsonNode patchStates(String accountId, String region) {
        return http.get(simulator.resolve("/_sim/patch-states?accountId=" + encode(accountId) + "&region=" + encode(region)
                + "&patches=false"), Map.of()).ok();
    }

    /** The install windows ({@code crosspatch-install-<group>}) patching-service made in the account and region. */
    List<Window> installWindows(String accountId, String region) {
        List<Window> windows = new ArrayList<>();
        for (JsonNode window : http.get(simulator.resolve("/_sim/maintenance-windows?accountId=" + encode(accountId)
                + "&region=" + encode(region)), Map.of()).ok()) {
            String name = window.get("Name").asText();
            if (name.startsWith("crosspatch-install-") && window.path("Enabled").asBoolean(true)) {
                windows.add(new Window(accountId, region, window.get("WindowId").asText(), name));
            }
        }
        return windows;
    }

    /** Opens the window now; the simulator runs its tasks on every targeted node before it answers. */
    JsonNode run(Window window) {
        return http.post(simulator.resolve("/_sim/maintenance-windows/" + window.windowId() + "/run"), Map.of(),
                JsonHttp.object().put("accountId", window.accountId()).put("region", window.region())).ok();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
