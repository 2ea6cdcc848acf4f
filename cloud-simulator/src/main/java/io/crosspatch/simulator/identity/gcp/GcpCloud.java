package io.crosspatch.simulator.identity.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.identity.CloudIdentity;
import io.crosspatch.simulator.identity.IdentityHttp;
import io.crosspatch.simulator.identity.Ids;
import io.crosspatch.simulator.identity.InvalidRequestException;
import io.crosspatch.simulator.identity.JwtSigner;
import io.crosspatch.simulator.identity.Lazy;
import io.crosspatch.simulator.identity.Minting;
import io.crosspatch.simulator.identity.Provider;
import io.crosspatch.simulator.identity.SimulatedVm;
import io.crosspatch.simulator.identity.VmRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Google Compute Engine: instances with 19-digit ids in a project and zone, and the metadata server's identity
 * endpoint, which answers an RS256 JWT from {@code https://accounts.google.com} for the audience asked. Google
 * publishes more than one key at a time, so the JWKS holds two and tokens name theirs by {@code kid}.
 */
public final class GcpCloud implements CloudIdentity {

    static final String ISSUER = "https://accounts.google.com";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final String METADATA = "/computeMetadata/v1";
    private static final String ATTRIBUTES = METADATA + "/instance/attributes/";
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+[0-9]+-[a-z]");
    private static final Pattern INSTANCE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern PROJECT_NUMBER = Pattern.compile("[1-9][0-9]{11}");

    private final SimClock clock;
    private final String jwksUri;
    private final Lazy<List<JwtSigner>> trusted = new Lazy<>(() -> List.of(
            JwtSigner.generate(JWSAlgorithm.RS256, Ids.hex(40)), JwtSigner.generate(JWSAlgorithm.RS256, Ids.hex(40))));
    private final Lazy<JwtSigner> foreign =
            new Lazy<>(() -> JwtSigner.generate(JWSAlgorithm.RS256, signingKey().keyId()));

    public GcpCloud(SimClock clock, String simulatorUrl) {
        this.clock = clock;
        this.jwksUri = simulatorUrl + SimulatorPaths.GCP_JWKS;
    }

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    @Override
    public SimulatedVm create(VmRequest request, String vmId, Instant now) {
        request.requireAccountId(PROJECT_ID, "a GCP project id (6 to 30 of [a-z0-9-], starting with a letter)");
        String zone = request.location(ZONE, "us-central1-a", "zone must be a GCP zone such as us-central1-a");
        if (!INSTANCE_NAME.matcher(request.instanceName()).matches()) {
            throw new InvalidRequestException(
                    "INVALID_INSTANCE_NAME", "a GCP instance name is a lower-case RFC 1035 label such as web-1");
        }
        String projectNumber =
                request.body().path("projectNumber").asText(derived("project:" + request.accountId(), 12));
        if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
            throw new InvalidRequestException("INVALID_PROJECT_NUMBER", "projectNumber must have 12 digits");
        }
        Map<String, String> facts = Map.of(
                "projectNumber",
                projectNumber,
                "serviceAccountId",
                derived("service-account:" + request.accountId(), 21),
                "serviceAccountEmail",
                projectNumber + "-compute@developer.gserviceaccount.com",
                "licenseId",
                derived("license:" + request.osFamily() + ":" + request.osVersion(), 19));
        return new SimulatedVm(
                vmId,
                Provider.GCP,
                request.accountId(),
                Ids.digits(19),
                request.instanceName(),
                zone,
                request.osFamily(),
                request.osVersion(),
                now,
                request.labels(),
                facts);
    }

    /** A stable number of {@code digits} digits, not starting with 0, derived from a name: every VM of a project agrees on it. */
    private static String derived(String name, int digits) {
        StringBuilder number = new StringBuilder();
        for (int round = 0; number.length() < digits; round++) {
            long bits = UUID.nameUUIDFromBytes((name + "#" + round).getBytes(StandardCharsets.UTF_8))
                    .getMostSignificantBits();
            number.append(String.format("%018d", Math.floorMod(bits, 1_000_000_000_000_000_000L)));
        }
        number.setCharAt(0, (char) ('1' + Math.floorMod(number.charAt(0), 9)));
        return number.substring(0, digits);
    }

    @Override
    public void describe(SimulatedVm vm, String metadataBaseUrl, ObjectNode view) {
        view.put("projectNumber", vm.fact("projectNumber")).put("zone", vm.location());
    }

    @Override
    public void metadata(SimulatedVm vm, String path, HttpExchange exchange) throws IOException {
        if (IdentityHttp.forwarded(exchange)) {
            answer(exchange, 403, "Request had an X-Forwarded-For header and was rejected.");
        } else if (!"Google".equals(IdentityHttp.header(exchange, "Metadata-Flavor"))) {
            answer(
                    exchange,
                    403,
                    "Your client does not have permission to get URL " + path
                            + " from this server. Missing Metadata-Flavor:Google header.");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 405, "Method not allowed.");
        } else if (path.equals(METADATA + "/instance/service-accounts/default/identity")) {
            identity(vm, exchange);
        } else if (path.equals(ATTRIBUTES)) {
            answer(
                    exchange,
                    200,
                    String.join("\n", vm.labels().keySet()) + (vm.labels().isEmpty() ? "" : "\n"));
        } else if (path.startsWith(ATTRIBUTES) && vm.labels().containsKey(path.substring(ATTRIBUTES.length()))) {
            answer(exchange, 200, Objects.requireNonNull(vm.labels().get(path.substring(ATTRIBUTES.length()))));
        } else {
            String value = switch (path) {
                case METADATA + "/instance/id" -> vm.instanceId();
                case METADATA + "/instance/name" -> vm.instanceName();
                case METADATA + "/instance/hostname" ->
                    vm.instanceName() + "." + vm.location() + ".c." + vm.accountId() + ".internal";
                case METADATA + "/instance/zone" -> "projects/" + vm.fact("projectNumber") + "/zones/" + vm.location();
                case METADATA + "/instance/service-accounts/default/email" -> vm.fact("serviceAccountEmail");
                case METADATA + "/project/project-id" -> vm.accountId();
                case METADATA + "/project/numeric-project-id" -> vm.fact("projectNumber");
                default -> null;
            };
            if (value == null) {
                answer(exchange, 404, "The requested URL " + path + " was not found on this server.");
            } else {
                answer(exchange, 200, value);
            }
        }
    }

    private void identity(SimulatedVm vm, HttpExchange exchange) throws IOException {
        Map<String, String> query = IdentityHttp.query(exchange);
        String audience = query.getOrDefault("audience", "");
        String format = query.getOrDefault("format", "standard");
        if (audience.isEmpty()) {
            answer(exchange, 400, "non-empty audience parameter required");
        } else if (!format.equals("standard") && !format.equals("full")) {
            answer(exchange, 400, "invalid value for format: " + format + " (standard or full)");
        } else {
            boolean licenses = "TRUE".equalsIgnoreCase(query.get("licenses"));
            answer(
                    exchange,
                    200,
                    token(vm, audience, format.equals("full"), licenses, Minting.genuine(clock.instant()), null));
        }
    }

    private String token(
            SimulatedVm vm, String audience, boolean full, boolean licenses, Minting minting, @Nullable String keyId) {
        ObjectNode claims = Http.JSON.createObjectNode();
        claims.put("aud", audience).put("azp", vm.fact("serviceAccountId"));
        if (full) {
            claims.put("email", vm.fact("serviceAccountEmail")).put("email_verified", true);
        }
        claims.put("exp", minting.expiresAt(TOKEN_LIFETIME).getEpochSecond());
        if (full) {
            ObjectNode computeEngine = claims.putObject("google").putObject("compute_engine");
            computeEngine
                    .put("instance_creation_timestamp", vm.createdAt().getEpochSecond())
                    .put("instance_id", vm.instanceId())
                    .put("instance_name", vm.instanceName());
            if (licenses) {
                computeEngine.putArray("license_id").add(vm.fact("licenseId"));
            }
            computeEngine
                    .put("project_id", vm.accountId())
                    .put("project_number", Long.parseLong(vm.fact("projectNumber")))
                    .put("zone", vm.location());
        }
        claims.put("iat", minting.issuedAt().getEpochSecond())
                .put("iss", ISSUER)
                .put("sub", vm.fact("serviceAccountId"));
        JwtSigner signer = minting.foreignSigner() ? foreign.get() : signingKey();
        return signer.sign(minting.applyOverrides(claims), keyId == null ? signer.keyId() : keyId);
    }

    private JwtSigner signingKey() {
        return trusted.get().get(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Metadata-Flavor", "Google");
        Http.text(exchange, status, status == 200 ? "application/text" : "text/html; charset=UTF-8", body);
    }

    @Override
    public void trust(String path, HttpExchange exchange) throws IOException {
        if (path.equals("/jwks") && exchange.getRequestMethod().equals("GET")) {
            JWKSet keys =
                    new JWKSet(trusted.get().stream().map(JwtSigner::publicJwk).toList());
            Http.json(exchange, 200, keys.toJSONObject(true));
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "GCP publishes GET /_sim/trust/gcp/jwks");
        }
    }

    @Override
    public ObjectNode anchors() {
        ObjectNode anchors = Http.JSON.createObjectNode().put("issuer", ISSUER).put("jwksUri", jwksUri);
        anchors.putArray("algorithms").add("RS256");
        return anchors;
    }

    /** Body: {@code audience} (default crosspatch), {@code format} (full), {@code licenses} (false), {@code kid}. */
    @Override
    public ObjectNode forge(SimulatedVm vm, Minting minting, JsonNode body) {
        String token = token(
                vm,
                body.path("audience").asText("crosspatch"),
                !body.path("format").asText("full").equals("standard"),
                body.path("licenses").asBoolean(false),
                minting,
                body.hasNonNull("kid") ? body.get("kid").asText() : null);
        return Http.JSON.createObjectNode().put("token", token);
    }
}
