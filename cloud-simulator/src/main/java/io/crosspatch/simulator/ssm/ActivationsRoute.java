package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /_sim/activations?accountId=&region=} (both optional): every hybrid activation SSM holds, across
 * accounts, with its tags, limit and registrations — the ground truth a fault drill counts activations per
 * enrollment from, without assuming a role in each system account. Read-only, and without the activation codes:
 * a code is a bearer secret even here.
 */
final class ActivationsRoute implements Route {

    static final String PATH = SimulatorPaths.ACTIVATIONS;

    private final SsmState state;
    private final Clock clock;

    ActivationsRoute(SsmState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals(PATH) || !exchange.getRequestMethod().equals("GET")) {
            Http.error(
                    exchange, 404, "NOT_FOUND", "no activations endpoint " + exchange.getRequestMethod() + " " + path);
            return;
        }
        Map<String, String> query = Http.query(exchange);
        ArrayNode activations = Http.JSON.createArrayNode();
        for (SsmRegionState region : state.regions()) {
            boolean accountMatches =
                    !query.containsKey("accountId") || query.get("accountId").equals(region.accountId());
            boolean regionMatches =
                    !query.containsKey("region") || query.get("region").equals(region.region());
            if (accountMatches && regionMatches) {
                region.activations().forEach(activation -> activations.add(json(region, activation)));
            }
        }
        Http.json(exchange, 200, activations);
    }

    private ObjectNode json(SsmRegionState region, Activation activation) {
        ObjectNode json = Http.JSON
                .createObjectNode()
                .put("activationId", activation.activationId())
                .put("accountId", region.accountId())
                .put("region", region.region())
                .put("registrationLimit", activation.registrationLimit())
                .put("registrationsCount", activation.registrationsCount())
                .put("createdDate", activation.createdDate().toString())
                .put("expirationDate", activation.expirationDate().toString())
                .put("expired", activation.expired(clock.instant()));
        ObjectNode tags = json.putObject("tags");
        activation.tags().forEach(tags::put);
        return json;
    }
}
