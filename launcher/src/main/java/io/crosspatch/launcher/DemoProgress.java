package io.crosspatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.fleet.DemoTenants;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the demo's progress lines say about the fleet, read from the reporting API as an operator: instances with a
 * known patch state, instances retired, agents with an update pending, and which patch policy version how many
 * accounts run — the day-two facts the demo's month shows changing (a deleted VM retires, agents get updated).
 */
final class DemoProgress {

    private static final JsonHttp HTTP = new JsonHttp();

    private final Platform platform;

    DemoProgress(Platform platform) {
        this.platform = platform;
    }

    /** One line: {@code 180 with patch state, 1 retired, 0 agents pending update, policy {standard-3f9a…=8}}. */
    String line() {
        int known = 0;
        int pendingAgents = 0;
        int retired = 0;
        Map<String, Integer> versions = new TreeMap<>();
        for (String tenant : DemoTenants.tenants()) {
            JsonNode summary = get("/v1/tenants/" + tenant + "/summary");
            if (summary != null) {
                JsonNode totals = summary.path("totals");
                known += totals.path("instances").asInt()
                        - totals.path("unknownPatchState").asInt();
                pendingAgents += totals.path("pendingAgentUpdates").asInt();
            }
            retired += retired(tenant);
            JsonNode policies = get("/v1/tenants/" + tenant + "/policy-versions");
            if (policies != null) {
                policies.path("versions")
                        .fields()
                        .forEachRemaining(version -> versions.merge(
                                version.getKey(), version.getValue().asInt(), Integer::sum));
            }
        }
        return known + " with patch state, " + retired + " retired, " + pendingAgents
                + " agents pending update, policy versions " + versions;
    }

    /** Instances listed as retired (every page of the tenant's instance list). */
    private int retired(String tenant) {
        int retired = 0;
        @Nullable String pageToken = null;
        do {
            JsonNode page = get("/v1/tenants/" + tenant + "/instances?pageSize=500"
                    + (pageToken == null ? "" : "&pageToken=" + pageToken));
            if (page == null) {
                return retired;
            }
            for (JsonNode instance : page.path("instances")) {
                if (instance.path("status").asText().equals("RETIRED")) {
                    retired++;
                }
            }
            pageToken =
                    page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        return retired;
    }

    private @Nullable JsonNode get(String path) {
        JsonHttp.Answer answer = HTTP.get(
                platform.service(LocalService.REPORTING).resolve(path),
                Map.of("Authorization", "Bearer " + platform.tokens().token("local-operator", null)));
        return answer.status() == 200 ? answer.body() : null;
    }
}
