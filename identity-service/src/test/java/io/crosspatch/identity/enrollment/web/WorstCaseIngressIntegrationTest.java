package io.crosspatch.identity.enrollment.web;

import static io.crosspatch.identity.support.Enrollments.anyAwsEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyAzureEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyGcpEnrollment;
import static io.crosspatch.identity.support.Enrollments.identity;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.HostilePkcs7;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.EventLog;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The costliest bodies an attacker can send under the body limit, through the real HTTP ingress: each is refused
 * with its stable 4xx code, quickly (a generous bound: the request, not a CPU budget), and nothing of it reaches
 * {@code enrollment.requested}.
 */
class WorstCaseIngressIntegrationTest extends IngressIntegrationTest {

    private static final Duration QUICKLY = Duration.ofSeconds(1);

    private String marker;
    private Api vm;

    @BeforeEach
    void newCase() {
        marker = unique("worst");
        vm = newSource();
    }

    /** JSON writes a newline as two bytes, so about 31 K of them is the most a body under the limit can carry. */
    @Test
    void shouldRefuseAPkcs7FieldOfNewlinesEndingInOneBadCharacterQuickly() {
        Map<String, Object> body = marked(anyAwsEnrollment());
        identity(body).put("pkcs7", "\n".repeat(30 * 1024) + "!");

        assertRefusedQuickly(body, "INVALID_IDENTITY");
    }

    @Test
    void shouldRefuseAPkcs7NestedThousandsDeepWithoutAServerError() {
        Map<String, Object> body = marked(anyAwsEnrollment());
        identity(body).put("pkcs7", HostilePkcs7.nested(6_000));

        assertRefusedQuickly(body, "INVALID_IDENTITY");
    }

    @Test
    void shouldRefuseAPkcs7CarryingManyCertificates() {
        Map<String, Object> body = marked(anyAzureEnrollment());
        identity(body)
                .put(
                        "attestedDocument",
                        HostilePkcs7.withCertificates("{\"subscriptionId\":\"s\",\"vmId\":\"" + marker + "\"}", 12));

        assertRefusedQuickly(body, "INVALID_IDENTITY");
    }

    @Test
    void shouldRefuseATokenWithAnOversizedHeader() {
        Map<String, Object> body = marked(anyGcpEnrollment());
        String token = (String) identity(body).get("token");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("{\"alg\":\"RS256\",\"pad\":\"" + "x".repeat(4096) + "\"}").getBytes(StandardCharsets.UTF_8));
        identity(body).put("token", header + token.substring(token.indexOf('.')));

        assertRefusedQuickly(body, "INVALID_IDENTITY");
    }

    @Test
    void shouldRefuseJsonNestedDeeperThanAnyBodyOfTheService() {
        String deep = "[".repeat(100) + "]".repeat(100);
        String body = Api.json(marked(anyGcpEnrollment())).replaceFirst("^\\{", "{\"padding\":" + deep + ",");

        assertRefusedQuickly(body, "INVALID_JSON");
    }

    @Test
    void shouldRefuseJsonNestedToTheBodyLimitWithoutAServerError() {
        int depth = 30_000;
        String body = Api.json(marked(anyGcpEnrollment()))
                .replaceFirst("^\\{", "{\"padding\":" + "[".repeat(depth) + "]".repeat(depth) + ",");

        assertRefusedQuickly(body, "INVALID_JSON");
    }

    private void assertRefusedQuickly(Object body, String code) {
        long start = System.nanoTime();
        HttpResponse<String> response =
                vm.post("/v1/enrollments", "application/json", HttpRequest.BodyPublishers.ofString(Api.json(body)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Api.tree(response).get("error").asText()).isEqualTo(code);
        assertThat(took).isLessThan(QUICKLY);
        assertThat(EventLog.rawValues(Topics.ENROLLMENT_REQUESTED.name()))
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(marker));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> marked(Map<String, Object> body) {
        ((Map<String, Object>) body.get("labels")).put("case", marker);
        return body;
    }
}
