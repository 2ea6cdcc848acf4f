package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /_sim/trust}: the trust anchors identity-service is configured with, and only those — the keys and
 * certificates of forged documents are never published. {@code GET /_sim/trust} summarises where each cloud's are.
 */
final class TrustRoute implements Route {

    static final String PREFIX = SimulatorPaths.TRUST;

    private final Map<Provider, CloudIdentity> clouds;

    TrustRoute(Map<Provider, CloudIdentity> clouds) {
        this.clouds = clouds;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(PREFIX.length());
        if ((rest.isEmpty() || rest.equals("/")) && exchange.getRequestMethod().equals("GET")) {
            ObjectNode summary = Http.JSON.createObjectNode();
            clouds.forEach((provider, cloud) -> summary.set(provider.wireName(), cloud.anchors()));
            Http.json(exchange, 200, summary);
            return;
        }
        int end = rest.indexOf('/', 1);
        String providerName = rest.substring(1, end < 0 ? rest.length() : end);
        CloudIdentity cloud =
                Provider.fromWireName(providerName).map(clouds::get).orElse(null);
        if (cloud == null || !rest.startsWith("/")) {
            Http.error(exchange, 404, "NOT_FOUND", "trust anchors are under " + PREFIX + "/{gcp|azure|aws|vmware}/");
        } else {
            cloud.trust(end < 0 ? "" : rest.substring(end), exchange);
        }
    }
}
