package io.crosspatch.simulator.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;

/**
 * Test-only endpoints of the simulated organization:
 * <ul>
 *   <li>{@code GET /_sim/organizations/accounts}: every account with its tags and status ({@code ACTIVE},
 *       {@code PENDING_CLOSURE}, {@code SUSPENDED} once closed);</li>
 *   <li>{@code POST /_sim/organizations/failures} {@code {"reason": "INTERNAL_FAILURE", "count": 1, "email": "…"}}
 *       (count defaults to 1, email is optional): the next matching creations fail with that reason;
 *       {@code GET} lists the pending injections, {@code DELETE} clears them. Each answers with the pending list.</li>
 * </ul>
 */
final class OrganizationsControlRoute implements Route {

    private final Organization organization;

    OrganizationsControlRoute(Organization organization) {
        this.organization = organization;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(SimulatorPaths.ORGANIZATIONS_ACCOUNTS) && method.equals("GET")) {
            Http.json(exchange, 200, accounts());
        } else if (path.equals(SimulatorPaths.ORGANIZATIONS_FAILURES)) {
            failures(exchange, method);
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "no organizations endpoint " + method + " " + path);
        }
    }

    private void failures(HttpExchange exchange, String method) throws Exception {
        if (method.equals("POST")) {
            JsonNode body = Http.jsonBody(exchange);
            String reason = body.path("reason").asText("");
            int count = body.path("count").asInt(1);
            if (!FailureInjections.REASONS.contains(reason) || count < 1) {
                Http.error(
                        exchange,
                        400,
                        "INVALID_FAILURE",
                        "reason must be one of " + FailureInjections.REASONS + " and count at least 1");
                return;
            }
            organization
                    .failures()
                    .add(
                            reason,
                            count,
                            body.hasNonNull("email") ? body.get("email").asText() : null);
        } else if (method.equals("DELETE")) {
            organization.failures().clear();
        } else if (!method.equals("GET")) {
            Http.error(exchange, 405, "METHOD_NOT_ALLOWED", method + " is not supported here");
            return;
        }
        ArrayNode pending = Http.JSON.createArrayNode();
        organization.failures().pending().forEach(failure -> {
            ObjectNode row = pending.addObject().put("reason", failure.reason()).put("count", failure.remaining());
            if (failure.email() != null) {
                row.put("email", failure.email());
            }
        });
        Http.json(exchange, 200, pending);
    }

    private ArrayNode accounts() {
        ArrayNode rows = Http.JSON.createArrayNode();
        for (MemberAccount account : organization.accounts()) {
            ObjectNode row = rows.addObject()
                    .put("id", account.id())
                    .put("arn", account.arn())
                    .put("email", account.email())
                    .put("name", account.name())
                    .put("status", account.status())
                    .put("joinedMethod", account.joinedMethod())
                    .put("joinedTimestamp", account.joinedAt().toString());
            ObjectNode tags = row.putObject("tags");
            account.tags().forEach(tags::put);
        }
        return rows;
    }
}
