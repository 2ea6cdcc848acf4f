package io.crosspatch.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the public port — the dashboard's page and files, the API's JSON, a refused token, an unknown path
 * — carries a strict Content-Security-Policy (this origin only, no inline script, no plugins, no framing, no base
 * rewriting), {@code nosniff} and {@code no-referrer}, so injected data cannot run as script in the dashboard.
 */
class SecurityHeadersIntegrationTest extends ReportingIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldSendStrictSecurityHeadersOnThePagesTheApiAndItsErrors() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("/", null);
        tokens.put("/index.html", null);
        tokens.put("/dashboard.js", null);
        tokens.put("/dashboard.css", null);
        tokens.put("/openapi.yaml", null);
        tokens.put("/v1/me", TestTokens.forOperator());
        tokens.put("/v1/tenants/acme/summary", null);
        tokens.put("/no-such-page", null);

        for (Map.Entry<String, String> entry : tokens.entrySet()) {
            HttpHeaders headers = get(entry.getKey(), entry.getValue()).headers();

            assertThat(headers.allValues("Content-Security-Policy"))
                    .as(entry.getKey())
                    .containsExactly(
                            "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options"))
                    .as(entry.getKey())
                    .hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(entry.getKey()).hasValue("no-referrer");
        }
    }

    @Test
    void shouldServeADashboardPageWithoutInlineScriptOrStyle() throws Exception {
        String page = get("/", null).body();

        assertThat(page)
                .contains("<script src=\"dashboard.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain("<style")
                .doesNotContain(" style=")
                .doesNotContainPattern(" on[a-z]+=");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
