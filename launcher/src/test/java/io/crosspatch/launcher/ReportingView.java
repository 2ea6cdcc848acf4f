package io.crosspatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the reporting API says, read as an operator (the end-to-end tests compare it with {@link GroundTruth}): each
 * tenant's summary figures by cloud account key, its instance list (every page), and one instance's updates.
 */
final class ReportingView {

    private final Platform platform;
    private final JsonHttp http = new JsonHttp();

    ReportingView(Platform platform) {
        this.platform = platform;
    }

    /** The summary figures of each of the tenant's cloud accounts, by cloud account key. */
    Map<String, Map<String, Object>> figures(String tenant) {
        JsonNode summary = get("/v1/tenants/" + tenant + "/summary");
        Map<String, Map<String, Object>> reported = new TreeMap<>();
        summary.get("accounts")
                .forEach(row -> reported.put(
                        row.get("provider").asText() + ":"
                                + row.get("cloudAccountId").asText(),
                        GroundTruth.figures(row.get("figures"))));
        return reported;
    }

    /** Every instance the tenant's list shows, following the page tokens. */
    List<JsonNode> instances(String tenant) {
        List<JsonNode> all = new ArrayList<>();
        @Nullable String pageToken = null;
        do {
            JsonNode page = get("/v1/tenants/" + tenant + "/instances?pageSize=100"
                    + (pageToken == null ? "" : "&pageToken=" + pageToken));
            page.get("instances").forEach(all::add);
            pageToken =
                    page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        return all;
    }

    /** One listed instance's updates, in {@link GroundTruth#updates} shape. */
    Map<String, String> updates(String tenant, JsonNode instance) {
        JsonNode updates = get("/v1/tenants/" + tenant + "/instances/"
                + instance.get("instanceId").asText()
                + "/updates?provider=" + instance.get("provider").asText()
                + "&cloudAccountId=" + instance.get("cloudAccountId").asText());
        return GroundTruth.updates(updates.get("updates"));
    }

    JsonNode get(String path) {
        return http.get(
                        platform.service(LocalService.REPORTING).resolve(path),
                        Map.of("Authorization", "Bearer " + operatorToken()))
                .ok();
    }

    String operatorToken() {
        return platform.tokens().token("e2e-operator", null);
    }
}
