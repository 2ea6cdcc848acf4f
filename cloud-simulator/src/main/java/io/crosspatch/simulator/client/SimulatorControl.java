package io.crosspatch.simulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The typed client of the simulator's {@code /_sim/} control API, for tests, the launcher and bench: one method per
 * control operation — simulated VMs and forged identities, trust anchors, the clock, AWS call counts, injected faults
 * and rate limits, Organizations failures, agent registration and node status, and the ground truth of accounts,
 * activations, nodes, maintenance windows and patch states. It uses the JDK's {@link HttpClient} and Jackson only (no
 * Spring), so anything that can reach the simulator can use it; paths come from {@link SimulatorPaths}, which the
 * simulator's routes use too.
 *
 * <p>Every method fails with {@link SimulatorControlException} (status and body) when the simulator does not answer
 * 2xx. {@link #send} is the raw exchange, for the simulator's own tests of its refusals.
 */
public final class SimulatorControl {

    /** A managed node's ping status, as {@code /_sim/nodes/{id}/…} sets it. */
    public enum NodeStatus {
        CONNECTION_LOST("connection-lost"),
        ONLINE("online"),
        INACTIVE("inactive");

        private final String path;

        NodeStatus(String path) {
            this.path = path;
        }
    }

    /** A raw answer: status and body. */
    public record Response(int status, String body) {

        /** The body as JSON. */
        public JsonNode json() {
            return SimulatorControl.parse(body);
        }

        /** This answer, if it is 2xx; {@link SimulatorControlException} otherwise. */
        public Response ok() {
            if (status / 100 != 2) {
                throw new SimulatorControlException(status, body);
            }
            return this;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;

    /** @param endpoint the simulator, e.g. {@code http://127.0.0.1:4566} */
    public SimulatorControl(URI endpoint) {
        this(endpoint, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long one control request may take (a window run waits for its tasks on every node) */
    public SimulatorControl(URI endpoint, Duration timeout) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", ""));
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The absolute URL of a simulator path, e.g. {@code url(SimulatorPaths.GCP_JWKS)} for a service's settings. */
    public URI url(String path) {
        return URI.create(endpoint + path);
    }

    /** An empty JSON object to fill in as a request body. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    // --- simulated VMs and identities -------------------------------------------------------------------------

    /** Creates a simulated VM ({@code provider}, {@code accountId}, …); answers its view with {@code vmId}. */
    public JsonNode createVm(JsonNode request) {
        return call("POST", SimulatorPaths.VMS, request);
    }

    public JsonNode vms() {
        return call("GET", SimulatorPaths.VMS, null);
    }

    public JsonNode vm(String vmId) {
        return call("GET", SimulatorPaths.vm(vmId), null);
    }

    /**
     * Deletes the VM, as its cloud would: its metadata service stops answering and the managed nodes whose agents ran
     * on it (registered with its {@code vmId}) turn ConnectionLost. Answers the VM as it was.
     */
    public JsonNode deleteVm(String vmId) {
        return call("DELETE", SimulatorPaths.vm(vmId), null);
    }

    /** A fresh guestinfo token for a VMware VM ({@code {"token"}}). */
    public JsonNode vmwareToken(String vmId) {
        return call("POST", SimulatorPaths.vmwareToken(vmId), object());
    }

    /** A forged or altered identity document for {@code vmId} ({@code options} names the VM and what to change). */
    public JsonNode forge(String provider, JsonNode options) {
        return call("POST", SimulatorPaths.forge(provider), options);
    }

    // --- trust anchors ----------------------------------------------------------------------------------------

    /** Where each cloud's trust anchors are. */
    public JsonNode trust() {
        return call("GET", SimulatorPaths.TRUST, null);
    }

    public URI gcpJwks() {
        return url(SimulatorPaths.GCP_JWKS);
    }

    public URI azureRootPem() {
        return url(SimulatorPaths.AZURE_ROOT_PEM);
    }

    public URI awsCertificate(String region) {
        return url(SimulatorPaths.awsCertificate(region));
    }

    public URI vmwareJwks(String orgId) {
        return url(SimulatorPaths.vmwareJwks(orgId));
    }

    /** Defines (or answers) the VMware issuer bound to {@code orgId}; {@code settings} may name an {@code algorithm}. */
    public JsonNode defineVmwareIssuer(String orgId, JsonNode settings) {
        return call("PUT", SimulatorPaths.vmwareIssuer(orgId), settings);
    }

    public JsonNode vmwareIssuer(String orgId) {
        return call("GET", SimulatorPaths.vmwareIssuer(orgId), null);
    }

    public JsonNode vmwareIssuers() {
        return call("GET", SimulatorPaths.VMWARE_ISSUERS, null);
    }

    /** A trust anchor's text (a PEM certificate) at a simulator path. */
    public String text(String path) {
        return send("GET", path, null).ok().body();
    }

    // --- clock, calls, faults, limits -------------------------------------------------------------------------

    /** The simulated now. */
    public Instant now() {
        return Instant.parse(call("GET", SimulatorPaths.CLOCK, null).get("now").asText());
    }

    /**
     * How far the simulated clock is ahead of real time (every advance so far). A service that must agree with it
     * follows this offset: service-kit's {@code SimulatorClock}.
     */
    public Duration clockOffset() {
        return Duration.parse(
                call("GET", SimulatorPaths.CLOCK, null).get("offset").asText());
    }

    /** Moves the simulated clock and runs what came due (maintenance windows, scans); answers the new now. */
    public Instant advanceClock(Duration by) {
        return Instant.parse(call("POST", SimulatorPaths.CLOCK, object().put("advanceSeconds", by.toSeconds()))
                .get("now")
                .asText());
    }

    /** AWS call counts per account, service and operation since the last reset (throttled and failed included). */
    public JsonNode calls() {
        return call("GET", SimulatorPaths.CALLS, null);
    }

    public void resetCalls() {
        call("DELETE", SimulatorPaths.CALLS, null);
    }

    /** Injects a fault ({@code service}, {@code operation}, probabilities, latency; {@code *} matches all). */
    public JsonNode injectFault(JsonNode fault) {
        return call("POST", SimulatorPaths.FAULTS, fault);
    }

    public JsonNode faults() {
        return call("GET", SimulatorPaths.FAULTS, null);
    }

    public void clearFaults() {
        call("DELETE", SimulatorPaths.FAULTS, null);
    }

    /** Switches the per-account, per-API token buckets off, or back on with their defaults. */
    public JsonNode rateLimits(boolean enabled) {
        return call("POST", SimulatorPaths.LIMITS, object().put("enabled", enabled));
    }

    /** {@code {"enabled", "limits": {"ssm:CreateActivation": {"ratePerSecond", "burst"}, …}}} */
    public JsonNode rateLimits() {
        return call("GET", SimulatorPaths.LIMITS, null);
    }

    // --- Organizations ----------------------------------------------------------------------------------------

    /** Every account of the organization, with its tags. */
    public JsonNode organizationAccounts() {
        return call("GET", SimulatorPaths.ORGANIZATIONS_ACCOUNTS, null);
    }

    /** Makes the next creations fail ({@code reason}, optional {@code email} and {@code count}); answers the pending. */
    public JsonNode failAccountCreations(JsonNode injection) {
        return call("POST", SimulatorPaths.ORGANIZATIONS_FAILURES, injection);
    }

    public JsonNode accountCreationFailures() {
        return call("GET", SimulatorPaths.ORGANIZATIONS_FAILURES, null);
    }

    public JsonNode clearAccountCreationFailures() {
        return call("DELETE", SimulatorPaths.ORGANIZATIONS_FAILURES, null);
    }

    // --- SSM: agents, nodes, activations, windows, patch states ------------------------------------------------

    /** What {@code amazon-ssm-agent -register} does; answers {@code {"instanceId", …}}. */
    public JsonNode registerAgent(JsonNode registration) {
        return call("POST", SimulatorPaths.AGENT_REGISTER, registration);
    }

    /** Every managed node of every account. */
    public JsonNode nodes() {
        return call("GET", SimulatorPaths.NODES, null);
    }

    public JsonNode nodes(String accountId, String region) {
        return call("GET", SimulatorPaths.NODES + query("accountId", accountId, "region", region), null);
    }

    public JsonNode setNodeStatus(String instanceId, NodeStatus status) {
        return call("POST", SimulatorPaths.node(instanceId, status.path), object());
    }

    /** Every hybrid activation of every account (never the codes). */
    public JsonNode activations() {
        return call("GET", SimulatorPaths.ACTIVATIONS, null);
    }

    public JsonNode activations(String accountId, String region) {
        return call("GET", SimulatorPaths.ACTIVATIONS + query("accountId", accountId, "region", region), null);
    }

    /**
     * Each account and region's activation tier ({@code accountId}, {@code region}, {@code tier}, {@code nodes}) and
     * the standard tier's node quota: {@code {"standardTierNodeQuota", "accounts": [...]}}.
     */
    public JsonNode ssmTiers() {
        return call("GET", SimulatorPaths.SSM_TIERS, null);
    }

    /** Sets the standard tier's hybrid-node quota per account and region (AWS: 1,000); answers {@link #ssmTiers()}. */
    public JsonNode standardTierNodeQuota(int quota) {
        return call("POST", SimulatorPaths.SSM_TIERS, object().put("standardTierNodeQuota", quota));
    }

    public JsonNode maintenanceWindows(String accountId, String region) {
        return call("GET", SimulatorPaths.MAINTENANCE_WINDOWS + query("accountId", accountId, "region", region), null);
    }

    /** Opens the window now; the simulator runs its tasks on every targeted node before it answers. */
    public JsonNode runMaintenanceWindow(String windowId, String accountId, String region) {
        return call(
                "POST",
                SimulatorPaths.runMaintenanceWindow(windowId),
                object().put("accountId", accountId).put("region", region));
    }

    /** The patch ground truth of every reported node; without {@code patches}, counts and times only. */
    public JsonNode patchStates(String accountId, String region, boolean patches) {
        return call(
                "GET",
                SimulatorPaths.PATCH_STATES
                        + query("accountId", accountId, "region", region)
                        + (patches ? "" : "&patches=false"),
                null);
    }

    /** The inventory ground truth of every gathered node: per type, its capture time and entries. */
    public JsonNode inventory(String accountId, String region) {
        return call("GET", SimulatorPaths.INVENTORY + query("accountId", accountId, "region", region), null);
    }

    /** Installs (or upgrades) an application on a node; its next inventory gather reports it. */
    public JsonNode installApplication(
            String accountId, String region, String instanceId, String name, String version, String publisher) {
        return call(
                "POST",
                SimulatorPaths.INVENTORY_APPLICATIONS,
                object().put("accountId", accountId)
                        .put("region", region)
                        .put("instanceId", instanceId)
                        .put("name", name)
                        .put("version", version)
                        .put("publisher", publisher));
    }

    // --- the exchange -----------------------------------------------------------------------------------------

    /** The raw exchange: any method, a simulator path (with its query) and a body (JSON text, or none). */
    public Response send(String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(timeout);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url(path) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url(path), e);
        }
    }

    private JsonNode call(String method, String path, @Nullable JsonNode body) {
        return send(method, path, body == null ? null : body.toString()).ok().json();
    }

    private static String query(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.append(i == 0 ? '?' : '&')
                    .append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
