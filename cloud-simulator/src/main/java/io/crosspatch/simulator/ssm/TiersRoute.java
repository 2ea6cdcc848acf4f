package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;

/**
 * {@code GET /_sim/ssm-tiers}: the ground truth of every account's activation tier per region, with its number of
 * hybrid nodes and the standard tier's node quota; {@code POST {"standardTierNodeQuota": n}} sets that quota (AWS's
 * is 1,000 per account and region) so that a test crosses it with a handful of nodes. Answers 400
 * {@code INVALID_QUOTA} for anything but a positive integer.
 */
final class TiersRoute implements Route {

    static final String PATH = SimulatorPaths.SSM_TIERS;

    private final SsmState state;

    TiersRoute(SsmState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!path.equals(PATH)) {
            Http.error(exchange, 404, "NOT_FOUND", "no tiers endpoint " + method + " " + path);
            return;
        }
        if (method.equals("POST")) {
            JsonNode quota = Http.jsonBody(exchange).get("standardTierNodeQuota");
            if (quota == null || !quota.canConvertToInt() || !quota.isIntegralNumber() || quota.asInt() < 1) {
                Http.error(exchange, 400, "INVALID_QUOTA", "standardTierNodeQuota must be a positive integer");
                return;
            }
            state.standardTierNodeQuota(quota.asInt());
        } else if (!method.equals("GET")) {
            Http.error(exchange, 404, "NOT_FOUND", "no tiers endpoint " + method + " " + path);
            return;
        }
        Http.json(exchange, 200, tiers());
    }

    private ObjectNode tiers() {
        ObjectNode answer = Http.JSON.createObjectNode().put("standardTierNodeQuota", state.standardTierNodeQuota());
        ArrayNode accounts = answer.putArray("accounts");
        for (SsmRegionState region : state.regions()) {
            TierSetting setting = region.tierSetting();
            ObjectNode account = accounts.addObject()
                    .put("accountId", region.accountId())
                    .put("region", region.region())
                    .put("tier", setting.tier().wireName())
                    .put("customized", setting.customized())
                    .put("nodes", region.nodes().size());
            if (setting.lastModifiedDate() != null) {
                account.put("lastModifiedDate", setting.lastModifiedDate().toString());
            }
        }
        return answer;
    }
}
