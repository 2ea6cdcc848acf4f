package io.crosspatch.bench.storm;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's control endpoints a storm uses: its per-account rate limits ({@code /_sim/limits}) and its count of
 * the AWS calls the services made ({@code /_sim/calls}, throttled and failed calls included).
 */
public final class SimulatorControl {

    /** AWS calls of one service and operation, summed over every account. */
    public record CallCount(String service, String operation, long calls) {
    }

    private final JsonHttp http = new JsonHttp();
    /** For the DELETE that {@link JsonHttp} does not do. */
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI simulator;

    public SimulatorControl(URI simulator) {
        this.simulator = simulator;
    }

    public void rateLimits(boolean enabled) {
        http.post(simulator.resolve("/_sim/limits"), Map.of(), JsonHttp.object().put("enabled", enabled)).ok();
    }

    /** {@code {"enabled": …, "limits": {"ssm:CreateActivation": {"ratePerSecond", "burst"}, …}}} */
    public JsonNode rateLimits() {
        return http.get(simulator.resolve("/_sim/limits"), Map.of()).ok();
    }

    public void resetCalls() throws IOException, InterruptedException {
        HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(simulator.resolve("/_sim/calls")).DELETE()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("DELETE /_sim/calls answered " + answer.statusCode());
        }
    }

    /** The calls since the last reset by service and operation, most first. */
    public List<CallCount> calls() {
        Map<String, Long> totals = new TreeMap<>();
        for (JsonNode row : http.get(simulator.resolve("/_sim/calls"), Map.of()).ok()) {
            totals.merge(row.get("service").asText() + " " + row.get("operation").asText(), row.get("calls").asLong(),
                    Long::sum);
        }
        return totals.entrySet().stream()
                .map(entry -> new CallCount(entry.getKey().substring(0, entry.getKey().indexOf(' ')),
                        entry.getKey().substring(entry.getKey().indexOf(' ') + 1), entry.getValue()))
                .sorted((a, b) -> Long.compare(b.calls(), a.calls()))
                .toList();
    }

    /** Table rows: service, operation, calls, calls per enrollment. */
    public static List<Map<String, Object>> rows(List<CallCount> calls, long enrollments) {
        return calls.stream().map(call -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", call.service());
            row.put("operation", call.operation());
            row.put("calls", call.calls());
            row.put("per enrollment", enrollments == 0 ? 0.0 : (double) call.calls() / enrollments);
            return row;
        }).toList();
    }
}
