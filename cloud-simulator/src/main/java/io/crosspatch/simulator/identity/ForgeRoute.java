package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /_sim/forge/{provider}}: signed identities that a correct verifier must refuse, for hostile-input
 * tests. Body (all optional but vmId):
 * <pre>
 * {"vmId": "...",                      the simulated VM whose identity is forged (of that provider)
 *  "signer": "trusted" | "foreign",    foreign: a key or certificate chain not in the trust anchors (same names and kid)
 *  "issuedAtOffsetSeconds": -7200,     moves the issue time from now (iat/exp, Azure's timeStamp, the CMS signing time)
 *  "lifetimeSeconds": 86400,           exp - iat (GCP, VMware) or expiresOn - createdOn (Azure)
 *  "claims": {"aud": "other", "nbf": 4102444800, "exp": null},   claims or signed-document fields to set; null removes
 *  ...provider-specific: gcp audience/format/licenses/kid, azure nonce/san, aws certificateRegion, vmware kid}
 * </pre>
 * Answers what the metadata endpoint would: {@code {"token"}}, {@code {"encoding","signature"}} or {@code {"document","pkcs7"}}.
 */
final class ForgeRoute implements Route {

    static final String PREFIX = SimulatorPaths.FORGE;
    private static final long MAX_SECONDS = Duration.ofDays(36_525).toSeconds();

    private final VmRegistry vms;
    private final Map<Provider, CloudIdentity> clouds;
    private final SimClock clock;

    ForgeRoute(VmRegistry vms, Map<Provider, CloudIdentity> clouds, SimClock clock) {
        this.vms = vms;
        this.clouds = clouds;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String providerName =
                exchange.getRequestURI().getPath().substring(PREFIX.length()).replaceFirst("^/", "");
        Provider provider = Provider.fromWireName(providerName).orElse(null);
        if (provider == null) {
            Http.error(exchange, 404, "NOT_FOUND", "forgeries are made by POST " + PREFIX + "/{gcp|azure|aws|vmware}");
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            Http.error(exchange, 405, "METHOD_NOT_ALLOWED", "forgeries are made by POST");
            return;
        }
        JsonNode body = Http.jsonBody(exchange);
        String vmId = body.path("vmId").asText("");
        SimulatedVm vm = vms.find(vmId).orElse(null);
        if (vm == null) {
            Http.error(exchange, 404, "VM_NOT_FOUND", "no simulated VM '" + vmId + "'");
            return;
        }
        if (vm.provider() != provider) {
            throw new InvalidRequestException(
                    "PROVIDER_MISMATCH", "VM " + vmId + " is a " + vm.provider().wireName() + " VM");
        }
        Http.json(exchange, 200, cloud(provider).forge(vm, minting(body), body));
    }

    private Minting minting(JsonNode body) {
        String signer = body.path("signer").asText("trusted");
        if (!signer.equals("trusted") && !signer.equals("foreign")) {
            throw new InvalidRequestException("INVALID_SIGNER", "signer must be trusted or foreign");
        }
        JsonNode claims = body.path("claims");
        if (!claims.isMissingNode() && !claims.isObject()) {
            throw new InvalidRequestException("INVALID_CLAIMS", "claims must be an object");
        }
        JsonNode lifetime = body.path("lifetimeSeconds");
        long offset = body.path("issuedAtOffsetSeconds").asLong(0);
        if (Math.abs(offset) > MAX_SECONDS || Math.abs(lifetime.asLong(0)) > MAX_SECONDS) {
            throw new InvalidRequestException(
                    "INVALID_TIME", "issuedAtOffsetSeconds and lifetimeSeconds must be within 100 years");
        }
        return new Minting(
                clock.instant().plusSeconds(offset),
                lifetime.isNumber() ? Duration.ofSeconds(lifetime.asLong()) : null,
                claims.isObject() ? (ObjectNode) claims : Http.JSON.createObjectNode(),
                signer.equals("foreign"));
    }

    /** IdentityModule gives every provider its cloud, so the lookup cannot miss. */
    private CloudIdentity cloud(Provider provider) {
        return Objects.requireNonNull(clouds.get(provider), () -> "no simulated cloud for " + provider);
    }
}
