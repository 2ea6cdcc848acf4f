package io.crosspatch.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import java.time.Duration;

/**
 * The simulator's own test-only endpoints: {@code /_sim/calls} (call counts; DELETE resets),
 * {@code /_sim/clock} (GET now and the offset from real time; POST {@code {"advanceSeconds": n}}),
 * {@code /_sim/faults} (POST a fault, DELETE
 * all) and {@code /_sim/limits} (POST {@code {"enabled": false}} or one limit).
 */
public final class ControlRoute implements Route {

    private final CallLog calls;
    private final SimClock clock;
    private final TrafficControl traffic;

    public ControlRoute(CallLog calls, SimClock clock, TrafficControl traffic) {
        this.calls = calls;
        this.clock = clock;
        this.traffic = traffic;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case SimulatorPaths.CALLS -> calls(exchange, method);
            case SimulatorPaths.CLOCK -> clock(exchange, method);
            case SimulatorPaths.FAULTS -> faults(exchange, method);
            case SimulatorPaths.LIMITS -> limits(exchange, method);
            default -> Http.error(exchange, 404, "NOT_FOUND", "no control endpoint " + path);
        }
    }

    private void calls(HttpExchange exchange, String method) throws Exception {
        if (method.equals("DELETE")) {
            calls.reset();
        }
        ArrayNode rows = Http.JSON.createArrayNode();
        calls.all()
                .forEach(row -> rows.addObject()
                        .put("accountId", row.accountId())
                        .put("service", row.service())
                        .put("operation", row.operation())
                        .put("calls", row.calls()));
        Http.json(exchange, 200, rows);
    }

    private void clock(HttpExchange exchange, String method) throws Exception {
        if (method.equals("POST")) {
            JsonNode body = Http.jsonBody(exchange);
            long seconds = body.path("advanceSeconds").asLong(0);
            if (seconds < 0) {
                Http.error(exchange, 400, "INVALID_ADVANCE", "advanceSeconds must not be negative");
                return;
            }
            clock.advance(Duration.ofSeconds(seconds));
        }
        Http.json(
                exchange,
                200,
                Http.JSON
                        .createObjectNode()
                        .put("now", clock.instant().toString())
                        .put("offset", clock.offset().toString()));
    }

    private void faults(HttpExchange exchange, String method) throws Exception {
        if (method.equals("DELETE")) {
            traffic.clearFaults();
        } else if (method.equals("POST")) {
            JsonNode body = Http.jsonBody(exchange);
            traffic.addFault(new Fault(
                    body.path("service").asText("*"),
                    body.path("operation").asText("*"),
                    body.path("throttleProbability").asDouble(0),
                    body.path("errorProbability").asDouble(0),
                    body.path("latencyMillis").asLong(0)));
        }
        Http.json(exchange, 200, traffic.faults());
    }

    private void limits(HttpExchange exchange, String method) throws Exception {
        if (method.equals("POST")) {
            JsonNode body = Http.jsonBody(exchange);
            if (body.has("enabled")) {
                traffic.limits().enabled(body.get("enabled").asBoolean());
            }
            if (body.has("service")) {
                traffic.limits()
                        .set(
                                body.get("service").asText(),
                                body.path("operation").asText("*"),
                                new RateLimits.Limit(
                                        body.path("ratePerSecond").asDouble(),
                                        body.path("burst").asDouble()));
            }
            traffic.resetBuckets();
        }
        ObjectNode answer =
                Http.JSON.createObjectNode().put("enabled", traffic.limits().enabled());
        ObjectNode limits = answer.putObject("limits");
        traffic.limits()
                .all()
                .forEach((key, limit) -> limits.putObject(key)
                        .put("ratePerSecond", limit.ratePerSecond())
                        .put("burst", limit.burst()));
        Http.json(exchange, 200, answer);
    }
}
