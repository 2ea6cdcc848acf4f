package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.JsonHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * reporting-service's API as the dashboard reads it, with an operator token: a tenant's summary and its instance
 * list walked page by page (500 a page, the API's largest). What the sweep watches to decide what the dashboard shows.
 */
final class ReportingApi {

    static final int PAGE_SIZE = 500;

    private final JsonHttp http;
    private final URI reporting;
    private final String bearer;

    ReportingApi(JsonHttp http, URI reporting, String operatorToken) {
        this.http = http;
        this.reporting = reporting;
        this.bearer = "Bearer " + operatorToken;
    }

    JsonNode summary(String tenantId) {
        return http.get(reporting.resolve("/v1/tenants/" + tenantId + "/summary"), Map.of("Authorization", bearer))
                .ok();
    }

    /** Hands every instance of the tenant to {@code each}, one page at a time; answers the number of pages read. */
    int forEachInstance(String tenantId, Consumer<JsonNode> each) {
        String pageToken = null;
        int pages = 0;
        do {
            JsonNode page = http.get(
                            reporting.resolve("/v1/tenants/" + tenantId + "/instances?pageSize=" + PAGE_SIZE
                                    + (pageToken == null
                                            ? ""
                                            : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8))),
                            Map.of("Authorization", bearer))
                    .ok();
            pages++;
            page.path("instances").forEach(each);
            pageToken =
                    page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        return pages;
    }
}
