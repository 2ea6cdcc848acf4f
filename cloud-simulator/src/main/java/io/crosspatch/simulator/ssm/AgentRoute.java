package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.CallLog;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The simulator-only endpoints of simulated SSM Agents and of tests:
 * <ul>
 * <li>{@code POST /_sim/agent/register} — what {@code amazon-ssm-agent -register} does; body
 *     {@code {"activationCode","activationId","region","hostname","ipAddress","platformName","platformVersion",
 *     "platformType","operatingSystem"?,"vmId"?}} ({@code vmId}: the simulated VM the agent runs on, whose deletion
 *     makes the node ConnectionLost); answers {@code {"instanceId","accountId","region"}}, or 400
 *     {@code {"error","message"}} with InvalidActivation, ActivationExpired, RegistrationLimitExceeded,
 *     ManagedNodeLimitExceeded, UnsupportedPlatformType or InvalidRequest. Each registration that names its fields is
 *     counted in the call log as {@code ssm RegisterManagedInstance} (the API the real agent calls), refused ones
 *     too, under the account holding the activation ({@code -} when no account does), so a test can tell whether a
 *     host registered;</li>
 * <li>{@code GET /_sim/nodes?accountId=&region=} — every managed node (both parameters optional), with its account
 *     and region: the ground truth to compare what Crosspatch reports with;</li>
 * <li>{@code GET /_sim/nodes/{instanceId}} — one node;</li>
 * <li>{@code POST /_sim/nodes/{instanceId}/connection-lost}, {@code …/online}, {@code …/inactive} — the agent stops
 *     (or resumes) heartbeating; answers the node.</li>
 * </ul>
 */
final class AgentRoute implements Route {

    private static final String REGISTER = SimulatorPaths.AGENT_REGISTER;
    private static final String NODES = SimulatorPaths.NODES;
    /** The account a registration with an activation no account holds is counted under. */
    private static final String NO_ACCOUNT = "-";

    private final AgentRegistration registration;
    private final SsmState state;
    private final Clock clock;
    private final CallLog calls;

    AgentRoute(AgentRegistration registration, SsmState state, Clock clock, CallLog calls) {
        this.registration = registration;
        this.state = state;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(REGISTER) && method.equals("POST")) {
            register(exchange);
        } else if (path.equals(NODES) && method.equals("GET")) {
            listNodes(exchange);
        } else if (path.startsWith(NODES + "/")) {
            node(exchange, method, path.substring(NODES.length() + 1).split("/"));
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "no agent endpoint " + method + " " + path);
        }
    }

    private void register(HttpExchange exchange) throws Exception {
        JsonNode body = Http.jsonBody(exchange);
        List<String> missing = List.of("activationCode", "activationId", "region", "hostname", "platformName").stream()
                .filter(member -> text(body, member) == null)
                .toList();
        if (!missing.isEmpty()) {
            Http.error(exchange, 400, "InvalidRequest", "missing " + String.join(", ", missing));
            return;
        }
        AgentRegistration.Request request = new AgentRegistration.Request(
                present(body, "activationCode"),
                present(body, "activationId"),
                present(body, "region"),
                present(body, "hostname"),
                text(body, "ipAddress"),
                present(body, "platformName"),
                text(body, "platformVersion"),
                text(body, "platformType"),
                text(body, "operatingSystem"),
                text(body, "vmId"));
        calls.record(
                state.regionWithActivation(request.activationId())
                        .map(SsmRegionState::accountId)
                        .orElse(NO_ACCOUNT),
                "ssm",
                "RegisterManagedInstance");
        try {
            AgentRegistration.RegisteredNode registered = registration.register(request);
            Http.json(
                    exchange,
                    200,
                    Http.JSON
                            .createObjectNode()
                            .put("instanceId", registered.node().instanceId())
                            .put("accountId", registered.region().accountId())
                            .put("region", registered.region().region()));
        } catch (AgentRegistration.Refused refused) {
            Http.error(exchange, 400, refused.code(), String.valueOf(refused.getMessage()));
        }
    }

    private void listNodes(HttpExchange exchange) throws Exception {
        Map<String, String> query = Http.query(exchange);
        ArrayNode nodes = Http.JSON.createArrayNode();
        for (SsmRegionState region : state.regions()) {
            boolean accountMatches =
                    !query.containsKey("accountId") || query.get("accountId").equals(region.accountId());
            boolean regionMatches =
                    !query.containsKey("region") || query.get("region").equals(region.region());
            if (accountMatches && regionMatches) {
                region.nodes().forEach(node -> nodes.add(json(region, node)));
            }
        }
        Http.json(exchange, 200, nodes);
    }

    private void node(HttpExchange exchange, String method, String[] parts) throws Exception {
        String instanceId = parts[0];
        Optional<SsmRegionState> found = state.regionWithNode(instanceId);
        if (found.isEmpty()) {
            Http.error(exchange, 404, "InvalidInstanceId", "no managed node " + instanceId);
            return;
        }
        SsmRegionState region = found.get();
        if (parts.length == 2 && method.equals("POST")) {
            Optional<PingStatus> status = switch (parts[1]) {
                case "connection-lost" -> Optional.of(PingStatus.CONNECTION_LOST);
                case "online" -> Optional.of(PingStatus.ONLINE);
                case "inactive" -> Optional.of(PingStatus.INACTIVE);
                default -> Optional.empty();
            };
            if (status.isEmpty()) {
                Http.error(exchange, 404, "NOT_FOUND", "no node action " + parts[1]);
                return;
            }
            setPingStatus(region, instanceId, status.get());
        } else if (parts.length != 1 || !method.equals("GET")) {
            Http.error(exchange, 404, "NOT_FOUND", "no node endpoint " + method + " " + String.join("/", parts));
            return;
        }
        Optional<ManagedNode> node = region.node(instanceId);
        if (node.isEmpty()) {
            Http.error(exchange, 404, "InvalidInstanceId", "no managed node " + instanceId);
            return;
        }
        Http.json(exchange, 200, json(region, node.get()));
    }

    /** Going quiet keeps the last ping time; coming back online pings at once. */
    private void setPingStatus(SsmRegionState region, String instanceId, PingStatus status) {
        synchronized (region) {
            region.node(instanceId)
                    .ifPresent(node -> region.putNode(node.withPing(
                            status, status == PingStatus.ONLINE ? clock.instant() : node.lastPingDateTime())));
        }
    }

    private static ObjectNode json(SsmRegionState region, ManagedNode node) {
        ObjectNode json = Http.JSON
                .createObjectNode()
                .put("instanceId", node.instanceId())
                .put("accountId", region.accountId())
                .put("region", region.region())
                .put("activationId", node.activationId())
                .put("name", node.name())
                .put("computerName", node.computerName())
                .put("ipAddress", node.ipAddress())
                .put("platformType", node.platformType())
                .put("platformName", node.platformName())
                .put("platformVersion", node.platformVersion())
                .put("operatingSystem", node.operatingSystem().name())
                .put("agentVersion", node.agentVersion())
                .put("isLatestVersion", node.isLatestVersion())
                .put("pingStatus", node.pingStatus().wireName())
                .put("lastPingDateTime", node.lastPingDateTime().toString())
                .put("registrationDate", node.registrationDate().toString())
                .put("iamRole", node.iamRole());
        ObjectNode tags = json.putObject("tags");
        node.tags().forEach(tags::put);
        return json;
    }

    private static @Nullable String text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /** A member {@link #register} has already found present. */
    private static String present(JsonNode body, String member) {
        return Objects.requireNonNull(text(body, member), member);
    }
}
