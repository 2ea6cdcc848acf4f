package io.crosspatch.identity.enrollment.web;

import static io.crosspatch.identity.support.Enrollments.anyAzureEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyGcpEnrollment;
import static io.crosspatch.identity.support.Enrollments.host;
import static io.crosspatch.identity.support.Enrollments.identity;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.EventLog;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingress half of the hostile-input suite: each case gets its documented 4xx with its stable code, never a 5xx,
 * and nothing of it reaches {@code enrollment.requested} (every hostile body carries this test's marker label).
 */
class HostileIngressIntegrationTest extends IngressIntegrationTest {

    private String marker;
    private Api vm;

    @BeforeEach
    void newCase() {
        marker = unique("hostile");
        vm = newSource();
    }

    @Test
    void shouldRefuseABodyOverTheLimitWithItsLengthDeclared() {
        Map<String, Object> body = marked(anyGcpEnrollment());
        body.put("padding", "x".repeat(70 * 1024));

        assertRefused(vm.postJson("/v1/enrollments", body), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitWhileReadingIt() {
        Map<String, Object> body = marked(anyGcpEnrollment());
        body.put("padding", "x".repeat(70 * 1024));
        byte[] bytes = Api.json(body).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response =
                vm.post("/v1/enrollments", "application/json", HttpRequest.BodyPublishers.fromPublisher(chunks(bytes)));

        assertRefused(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void shouldRefuseMalformedJson() {
        assertRefused(
                vm.post(
                        "/v1/enrollments",
                        "application/json",
                        HttpRequest.BodyPublishers.ofString(
                                "{\"provider\":\"gcp\",\"labels\":{\"m\":\"" + marker + "\"")),
                400,
                "INVALID_JSON");
    }

    @Test
    void shouldRefuseJsonOfTheWrongShape() {
        Map<String, Object> body = marked(anyGcpEnrollment());
        body.put("identity", "not-an-object");

        assertRefused(vm.postJson("/v1/enrollments", body), 400, "INVALID_JSON");
    }

    @Test
    void shouldRefuseAnotherContentType() {
        assertRefused(
                vm.post(
                        "/v1/enrollments",
                        "text/plain",
                        HttpRequest.BodyPublishers.ofString(Api.json(marked(anyGcpEnrollment())))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void shouldRefuseControlCharactersInTheHostname() {
        Map<String, Object> body = marked(anyGcpEnrollment());
        host(body).put("hostname", "web-1\u001b[2J" + marker);

        assertRefused(vm.postJson("/v1/enrollments", body), 400, "INVALID_HOSTNAME");
    }

    @Test
    void shouldRefuseAHugeLabelsMap() {
        Map<String, Object> body = marked(anyGcpEnrollment());
        Map<String, Object> labels = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            labels.put("label-" + i, marker);
        }
        body.put("labels", labels);

        assertRefused(vm.postJson("/v1/enrollments", body), 400, "INVALID_LABELS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAControlCharacterInALabelValue() {
        assertRefused(
                vm.postJson(
                        "/v1/enrollments",
                        with(body -> ((Map<String, Object>) body.get("labels")).put("note", "a\nb" + marker))),
                400,
                "INVALID_LABELS");
    }

    @Test
    void shouldRefuseASecretOfTheWrongFormat() {
        assertRefused(
                vm.postJson("/v1/enrollments", with(body -> body.put("enrollmentSecret", "short"))),
                400,
                "INVALID_SECRET");
        assertRefused(
                vm.postJson("/v1/enrollments", with(body -> body.put("enrollmentSecret", "+".repeat(43)))),
                400,
                "INVALID_SECRET");
    }

    @Test
    void shouldRefuseAnUnknownProvider() {
        assertRefused(
                vm.postJson("/v1/enrollments", with(body -> body.put("provider", "oracle"))), 400, "UNKNOWN_PROVIDER");
        assertRefused(
                vm.postJson("/v1/enrollments", with(body -> body.put("provider", "GCP"))), 400, "UNKNOWN_PROVIDER");
    }

    @Test
    void shouldRefuseMissingIdentityFields() {
        assertRefused(
                vm.postJson("/v1/enrollments", with(body -> identity(body).remove("token"))), 400, "MISSING_FIELD");
        assertRefused(vm.postJson("/v1/enrollments", with(body -> body.remove("identity"))), 400, "MISSING_FIELD");
        assertRefused(vm.postJson("/v1/enrollments", with(body -> body.remove("host"))), 400, "MISSING_FIELD");
        Map<String, Object> azure = marked(anyAzureEnrollment());
        identity(azure).remove("nonce");
        assertRefused(vm.postJson("/v1/enrollments", azure), 400, "MISSING_FIELD");
    }

    @Test
    void shouldRefuseIdentityMaterialOfTheWrongShape() {
        assertRefused(
                vm.postJson("/v1/enrollments", with(body -> identity(body).put("token", "not a jwt"))),
                400,
                "INVALID_IDENTITY");
        assertRefused(
                vm.postJson("/v1/enrollments", with(body -> identity(body).put("pkcs7", "AAAA!AAAA"))),
                400,
                "INVALID_IDENTITY");
        Map<String, Object> azure = marked(anyAzureEnrollment());
        identity(azure).put("attestedDocument", "%%% not base64 %%%");
        assertRefused(vm.postJson("/v1/enrollments", azure), 400, "INVALID_IDENTITY");
    }

    @Test
    void shouldRefuseAnAzureNonceThatIsNoChallenge() {
        Map<String, Object> azure = marked(anyAzureEnrollment());
        identity(azure).put("nonce", "../../etc/passwd");

        assertRefused(vm.postJson("/v1/enrollments", azure), 400, "INVALID_NONCE");
    }

    @Test
    void shouldAnswerUnknownPathsAndWrongMethodsWithJson() {
        HttpResponse<String> unknown = vm.get("/v1/nothing-here", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Api.tree(unknown).get("error").asText()).isEqualTo("NOT_FOUND");

        HttpResponse<String> wrongMethod =
                vm.send(vm.builder("/v1/enrollments").DELETE().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(Api.tree(wrongMethod).get("error").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    private Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = marked(anyGcpEnrollment());
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> marked(Map<String, Object> body) {
        ((Map<String, Object>) body.get("labels")).put("case", marker);
        return body;
    }

    private void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Api.tree(response).get("error").asText()).isEqualTo(code);
        assertThat(EventLog.rawValues(Topics.ENROLLMENT_REQUESTED.name()))
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(marker));
    }

    private static Flow.Publisher<ByteBuffer> chunks(byte[] bytes) {
        return subscriber -> {
            SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
            publisher.subscribe(subscriber);
            for (int offset = 0; offset < bytes.length; offset += 8192) {
                publisher.submit(ByteBuffer.wrap(bytes, offset, Math.min(8192, bytes.length - offset)));
            }
            publisher.close();
        };
    }
}
