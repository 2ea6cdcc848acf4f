package io.crosspatch.simulator.ssm.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import io.crosspatch.simulator.ssm.ManagedNode;
import io.crosspatch.simulator.ssm.SsmState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The inventory's test hooks: {@code GET /_sim/inventory?accountId=&region=} is the ground truth of every gathered
 * node (each type's capture time and entries), which tests compare Crosspatch's inventory with;
 * {@code POST /_sim/inventory/applications} with {@code {"accountId","region","instanceId","name","version",
 * "publisher"}} installs (or upgrades) an application on a node, as an administrator would — the next gather
 * reports it.
 */
final class InventoryControlRoute implements Route {

    static final String PATH = SimulatorPaths.INVENTORY;
    static final String APPLICATIONS_PATH = SimulatorPaths.INVENTORY_APPLICATIONS;

    private final SsmState ssm;
    private final NodeInventories inventories;
    private final Supplier<Instant> clock;

    InventoryControlRoute(SsmState ssm, NodeInventories inventories, Supplier<Instant> clock) {
        this.ssm = ssm;
        this.inventories = inventories;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(APPLICATIONS_PATH) && exchange.getRequestMethod().equals("POST")) {
            install(exchange);
        } else if (path.equals(PATH) && exchange.getRequestMethod().equals("GET")) {
            groundTruth(exchange, Http.query(exchange));
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "no inventory endpoint " + exchange.getRequestMethod() + " " + path);
        }
    }

    private void install(HttpExchange exchange) throws Exception {
        JsonNode body;
        try {
            body = Http.jsonBody(exchange);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Http.error(exchange, 400, "INVALID_JSON", "the body is not JSON");
            return;
        }
        String accountId = body.path("accountId").asText("");
        String region = body.path("region").asText("");
        String instanceId = body.path("instanceId").asText("");
        String name = body.path("name").asText("");
        String version = body.path("version").asText("");
        if (accountId.isEmpty() || region.isEmpty() || instanceId.isEmpty() || name.isEmpty() || version.isEmpty()) {
            Http.error(exchange, 400, "MISSING_FIELD", "accountId, region, instanceId, name and version are required");
            return;
        }
        Optional<ManagedNode> node = ssm.regions().stream()
                .filter(state ->
                        state.accountId().equals(accountId) && state.region().equals(region))
                .findFirst()
                .flatMap(state -> state.node(instanceId));
        if (node.isEmpty()) {
            Http.error(exchange, 404, "NODE_NOT_FOUND", "no node " + instanceId + " in " + accountId + "/" + region);
            return;
        }
        inventories.install(
                accountId,
                region,
                instanceId,
                SoftwareCatalogue.installed(
                        node.get().operatingSystem(),
                        name,
                        version,
                        body.path("publisher").asText(""),
                        clock.get()));
        Http.json(
                exchange,
                200,
                Http.JSON.createObjectNode().put("instanceId", instanceId).put("name", name));
    }

    private void groundTruth(HttpExchange exchange, Map<String, String> query) throws Exception {
        String accountId = query.get("accountId");
        String region = query.get("region");
        if (accountId == null || region == null) {
            Http.error(exchange, 400, "MISSING_FIELD", "accountId and region are required");
            return;
        }
        ArrayNode nodes = Http.JSON.createArrayNode();
        inventories.all(accountId, region).forEach((instanceId, items) -> {
            ObjectNode node = nodes.addObject().put("InstanceId", instanceId);
            items.values().forEach(item -> {
                ObjectNode type = node.putObject(item.type().typeName());
                type.put("CaptureTime", item.captureTime().toString());
                ArrayNode entries = type.putArray("Entries");
                item.entries().forEach(entry -> {
                    ObjectNode json = entries.addObject();
                    entry.forEach(json::put);
                });
            });
        });
        Http.json(exchange, 200, nodes);
    }
}
