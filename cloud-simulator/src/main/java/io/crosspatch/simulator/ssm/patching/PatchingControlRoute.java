package io.crosspatch.simulator.ssm.patching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import io.crosspatch.simulator.ssm.MaintenanceWindow;
import io.crosspatch.simulator.ssm.SsmRegionState;
import io.crosspatch.simulator.ssm.SsmState;
import io.crosspatch.simulator.ssm.WindowExecution;
import io.crosspatch.simulator.ssm.patching.PatchRun.PatchState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test and demo hooks of the patch engine: {@code GET /_sim/maintenance-windows?accountId=&region=} lists the
 * windows of an account and region (so a benchmark can open each one without an SSM client per account);
 * {@code POST /_sim/maintenance-windows/{windowId}/run} with {@code {"accountId","region"}} opens a window now,
 * whatever its schedule; {@code GET /_sim/patch-states?accountId=&region=[&patches=false]} is the ground truth of
 * every reported node (counts and, unless left out, patches), which end-to-end tests compare Crosspatch's reports with.
 */
final class PatchingControlRoute implements Route {

    static final String WINDOWS_PATH = SimulatorPaths.MAINTENANCE_WINDOWS;
    static final String WINDOWS_PREFIX = WINDOWS_PATH + "/";
    static final String STATES_PATH = SimulatorPaths.PATCH_STATES;

    private final SsmState ssm;
    private final PatchStates states;
    private final WindowRunner runner;
    private final SimClock clock;

    PatchingControlRoute(SsmState ssm, PatchStates states, WindowRunner runner, SimClock clock) {
        this.ssm = ssm;
        this.states = states;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(WINDOWS_PREFIX)
                && path.endsWith("/run")
                && exchange.getRequestMethod().equals("POST")) {
            runWindow(exchange, path.substring(WINDOWS_PREFIX.length(), path.length() - "/run".length()));
        } else if ((path.equals(WINDOWS_PATH) || path.equals(WINDOWS_PREFIX))
                && exchange.getRequestMethod().equals("GET")) {
            listWindows(exchange, Http.query(exchange));
        } else if (path.equals(STATES_PATH) && exchange.getRequestMethod().equals("GET")) {
            patchStates(exchange, Http.query(exchange));
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "no patching endpoint " + exchange.getRequestMethod() + " " + path);
        }
    }

    private void runWindow(HttpExchange exchange, String windowId) throws Exception {
        JsonNode body;
        try {
            body = Http.jsonBody(exchange);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Http.error(exchange, 400, "INVALID_JSON", "the body is not JSON");
            return;
        }
        String accountId = body.path("accountId").asText("");
        String region = body.path("region").asText("");
        if (accountId.isEmpty() || region.isEmpty()) {
            Http.error(exchange, 400, "MISSING_FIELD", "accountId and region are required");
            return;
        }
        SsmRegionState state = ssm.region(accountId, region);
        Optional<MaintenanceWindow> window = state.window(windowId);
        if (window.isEmpty()) {
            Http.error(exchange, 404, "WINDOW_NOT_FOUND", "no window " + windowId + " in " + accountId + "/" + region);
            return;
        }
        WindowExecution execution = runner.run(state, window.get(), clock.instant());
        Instant end = Objects.requireNonNull(execution.endTime(), "a run the runner returns has ended");
        Http.json(
                exchange,
                200,
                Http.JSON
                        .createObjectNode()
                        .put("windowExecutionId", execution.windowExecutionId())
                        .put("status", execution.status().name())
                        .put("startTime", execution.startTime().toString())
                        .put("endTime", end.toString()));
    }

    private void listWindows(HttpExchange exchange, Map<String, String> query) throws Exception {
        String accountId = query.get("accountId");
        String region = query.get("region");
        if (accountId == null || region == null) {
            Http.error(exchange, 400, "MISSING_FIELD", "accountId and region are required");
            return;
        }
        ArrayNode windows = Http.JSON.createArrayNode();
        // read without creating: ssm.region() would add an empty account/region on a mistyped id
        ssm.regions().stream()
                .filter(state ->
                        state.accountId().equals(accountId) && state.region().equals(region))
                .flatMap(state -> state.windows().stream())
                .forEach(window -> windows.addObject()
                        .put("WindowId", window.windowId())
                        .put("Name", window.name())
                        .put("Schedule", window.schedule())
                        .put("Enabled", window.enabled()));
        Http.json(exchange, 200, windows);
    }

    private void patchStates(HttpExchange exchange, Map<String, String> query) throws Exception {
        String accountId = query.get("accountId");
        String region = query.get("region");
        if (accountId == null || region == null) {
            Http.error(exchange, 400, "MISSING_FIELD", "accountId and region are required");
            return;
        }
        // patches=false leaves the patch lists out: a benchmark comparing counts at 1,000 nodes an account would
        // otherwise make (and the simulator build) tens of megabytes of JSON per account
        boolean withPatches = !"false".equals(query.get("patches"));
        ArrayNode nodes = Http.JSON.createArrayNode();
        for (NodePatchRecord record : states.reported(accountId, region)) {
            PatchComplianceReport report = record.report();
            ObjectNode node = ComplianceApi.patchState(record);
            node.put("OperationStartTime", report.operationStart().toString());
            node.put("OperationEndTime", report.operationEnd().toString());
            node.put("Succeeded", report.succeeded());
            if (withPatches) {
                ArrayNode patches = node.putArray("Patches");
                report.patches().forEach(patch -> {
                    ObjectNode json = ComplianceApi.patchJson(patch);
                    json.put(
                            "InstalledTime",
                            patch.installedAt() == null
                                    ? null
                                    : patch.installedAt().toString());
                    json.put("ReleaseDate", patch.patch().releaseDate().toString());
                    patches.add(json);
                });
            }
            node.put("Missing", report.count(PatchState.MISSING));
            nodes.add(node);
        }
        Http.json(exchange, 200, nodes);
    }
}
