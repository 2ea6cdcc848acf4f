package io.crosspatch.simulator.identity.vmware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.identity.CloudIdentity;
import io.crosspatch.simulator.identity.Ids;
import io.crosspatch.simulator.identity.InvalidRequestException;
import io.crosspatch.simulator.identity.JwtSigner;
import io.crosspatch.simulator.identity.Minting;
import io.crosspatch.simulator.identity.Provider;
import io.crosspatch.simulator.identity.SimulatedVm;
import io.crosspatch.simulator.identity.VmRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * VMware: VMs named by their instance UUID in a vCenter/org. VMware has no signed instance identity of its own, so
 * the platform's issuer for the org mints a JWT when the VM is created and puts it in the VM's guestinfo
 * ({@code guestinfo.crosspatch.token}), where the startup script reads it with {@code vmtoolsd}. The VM's other
 * guestinfo keys are its labels.
 */
public final class VmwareCloud implements CloudIdentity {

    static final String TOKEN_KEY = "crosspatch.token";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String GUESTINFO = "/guestinfo/";

    private final SimClock clock;
    private final String simulatorUrl;
    private final VmwareIssuers issuers = new VmwareIssuers();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public VmwareCloud(SimClock clock, String simulatorUrl) {
        this.clock = clock;
        this.simulatorUrl = simulatorUrl;
    }

    @Override
    public Provider provider() {
        return Provider.VMWARE;
    }

    @Override
    public SimulatedVm create(VmRequest request, String vmId, Instant now) {
        request.requireAccountId(ORG_ID, "a vCenter/org id (1 to 64 of [A-Za-z0-9._-])");
        SimulatedVm vm = new SimulatedVm(
                vmId,
                Provider.VMWARE,
                request.accountId(),
                Ids.uuid(),
                request.instanceName(),
                null,
                request.osFamily(),
                request.osVersion(),
                now,
                request.labels(),
                Map.of());
        tokens.put(vmId, token(vm, Minting.genuine(now), null));
        return vm;
    }

    /** Mints a fresh token (new jti, new expiry) into the VM's guestinfo, as the platform does when it re-provisions. */
    public String remint(SimulatedVm vm) {
        String token = token(vm, Minting.genuine(clock.instant()), null);
        tokens.put(vm.vmId(), token);
        return token;
    }

    private String token(SimulatedVm vm, Minting minting, @Nullable String keyId) {
        VmwareIssuers.Issuer issuer = issuers.get(vm.accountId());
        ObjectNode claims = Http.JSON
                .createObjectNode()
                .put("iss", issuer.issuer())
                .put("aud", issuer.audience())
                .put("sub", vm.instanceId())
                .put("vcenter_id", vm.accountId())
                .put("vm_name", vm.instanceName())
                .put("iat", minting.issuedAt().getEpochSecond())
                .put("nbf", minting.issuedAt().getEpochSecond())
                .put("exp", minting.expiresAt(TOKEN_LIFETIME).getEpochSecond())
                .put("jti", Ids.uuid());
        JwtSigner signer = minting.foreignSigner() ? issuer.foreign().get() : issuer.signer();
        return signer.sign(minting.applyOverrides(claims), keyId == null ? signer.keyId() : keyId);
    }

    @Override
    public void describe(SimulatedVm vm, String metadataBaseUrl, ObjectNode view) {
        VmwareIssuers.Issuer issuer = issuers.get(vm.accountId());
        view.put("token", tokens.get(vm.vmId()))
                .put("guestinfoUrl", metadataBaseUrl + "/guestinfo")
                .put("issuer", issuer.issuer())
                .put("audience", issuer.audience());
    }

    @Override
    public void metadata(SimulatedVm vm, String path, HttpExchange exchange) throws IOException {
        String key = path.startsWith(GUESTINFO) ? path.substring(GUESTINFO.length()) : "";
        String value =
                key.equals(TOKEN_KEY) ? tokens.get(vm.vmId()) : vm.labels().get(key);
        if (!exchange.getRequestMethod().equals("GET")) {
            Http.text(exchange, 405, "text/plain", "Method Not Allowed");
        } else if (value == null) {
            Http.text(exchange, 404, "text/plain", "No value found");
        } else {
            Http.text(exchange, 200, "text/plain", value);
        }
    }

    @Override
    public void trust(String path, HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] parts = path.split("/");
        if (path.equals("/issuers") && method.equals("GET")) {
            Http.json(exchange, 200, describeIssuers());
        } else if (parts.length < 2 || !ORG_ID.matcher(parts[1]).matches()) {
            Http.error(
                    exchange,
                    404,
                    "NOT_FOUND",
                    "VMware publishes GET /_sim/trust/vmware/issuers and /_sim/trust/vmware/{orgId}/jwks");
        } else if (parts.length == 3 && parts[2].equals("jwks") && method.equals("GET")) {
            Http.json(exchange, 200, new JWKSet(issuers.get(parts[1]).signer().publicJwk()).toJSONObject(true));
        } else if (parts.length == 2 && method.equals("GET")) {
            Http.json(exchange, 200, describe(issuers.get(parts[1])));
        } else if (parts.length == 2 && method.equals("PUT")) {
            Http.json(exchange, 200, describe(define(parts[1], Http.jsonBody(exchange))));
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "no VMware trust endpoint " + method + " " + path);
        }
    }

    /** PUT body: {@code issuer} (default https://vcenter.<orgId>.crosspatch.sim), {@code audience} (crosspatch), {@code algorithm} (RS256 or ES256). */
    private VmwareIssuers.Issuer define(String orgId, JsonNode body) {
        String algorithm = body.path("algorithm").asText("RS256");
        if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
            throw new InvalidRequestException("INVALID_ALGORITHM", "algorithm must be RS256 or ES256");
        }
        String audience = body.path("audience").asText(VmwareIssuers.DEFAULT_AUDIENCE);
        String issuer = body.path("issuer").asText(VmwareIssuers.defaultIssuer(orgId));
        if (audience.isBlank() || issuer.isBlank()) {
            throw new InvalidRequestException("MISSING_FIELD", "issuer and audience must not be blank");
        }
        return issuers.define(orgId, issuer, audience, JWSAlgorithm.parse(algorithm));
    }

    private ObjectNode describe(VmwareIssuers.Issuer issuer) {
        return Http.JSON
                .createObjectNode()
                .put("orgId", issuer.orgId())
                .put("issuer", issuer.issuer())
                .put("jwksUri", simulatorUrl + SimulatorPaths.vmwareJwks(issuer.orgId()))
                .put("audience", issuer.audience())
                .put("algorithm", issuer.signer().algorithm().getName());
    }

    private ArrayNode describeIssuers() {
        ArrayNode list = Http.JSON.createArrayNode();
        issuers.all().stream()
                .sorted(Comparator.comparing(VmwareIssuers.Issuer::orgId))
                .map(this::describe)
                .forEach(list::add);
        return list;
    }

    @Override
    public ObjectNode anchors() {
        ObjectNode anchors =
                Http.JSON.createObjectNode().put("issuersUri", simulatorUrl + SimulatorPaths.VMWARE_ISSUERS);
        anchors.set("issuers", describeIssuers());
        return anchors;
    }

    /** Body: {@code kid} (the header's key id). The token is returned, not put into the VM's guestinfo. */
    @Override
    public ObjectNode forge(SimulatedVm vm, Minting minting, JsonNode body) {
        String token =
                token(vm, minting, body.hasNonNull("kid") ? body.get("kid").asText() : null);
        return Http.JSON.createObjectNode().put("token", token);
    }
}
