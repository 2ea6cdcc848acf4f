package io.crosspatch.identity.enrollment.web;

import static io.crosspatch.identity.support.Enrollments.anyGcpEnrollment;
import static io.crosspatch.identity.support.Enrollments.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.schemas.topics.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;

/**
 * An enrollment that never got past PENDING expires from the status view, so a flood of enrollments that are never
 * verified does not stay in Cassandra for ever; one that was verified does not expire, not even the cells the
 * ingress wrote while it was PENDING (a Cassandra TTL is per cell). A five-second TTL here; a day by default. The
 * test starts once this context's status view consumes, or the verification would arrive after the TTL.
 */
@TestPropertySource(properties = "crosspatch.identity.ingress.pending-ttl=5s")
class PendingEnrollmentExpiryIntegrationTest extends IngressIntegrationTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldForgetAPendingEnrollmentAfterItsTtlButKeepAVerifiedOne() {
        awaitTheStatusViewConsuming();

        // given: two enrollments, the first of which gets verified
        Api vm = newSource();
        Map<String, Object> verifiedBody = anyGcpEnrollment();
        String verifiedId = enroll(vm, verifiedBody);
        Map<String, Object> pendingBody = anyGcpEnrollment();
        String pendingId = enroll(vm, pendingBody);
        kafka.send(
                Topics.IDENTITY_VERIFIED.name(),
                "gcp:acme-prod",
                EnrollmentIngressIntegrationTest.verified(verifiedId));
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> status(vm, verifiedId, secretOf(verifiedBody)), "VERIFIED"::equals);

        // when: the TTL has passed for both
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> vm.get("/v1/enrollments/" + pendingId, secretOf(pendingBody))
                                .statusCode()
                        == 404);

        // then: the verified one, accepted before the pending one, is still there for its secret's holder
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> status(vm, verifiedId, secretOf(verifiedBody)), "VERIFIED"::equals);
    }

    @Test
    void shouldForgetARejectedEnrollmentAfterTheTtlToo() {
        awaitTheStatusViewConsuming();

        // given: a rejected enrollment (a never-verified identity, which anyone can send)
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String id = enroll(vm, body);
        kafka.send(
                Topics.ENROLLMENT_FAILED.name(),
                id,
                EnrollmentFailed.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setEnrollmentId(id)
                        .setStage(EnrollmentStage.VERIFICATION)
                        .setReasonCode("SIGNATURE_INVALID")
                        .setMessage("test")
                        .setRetryable(false)
                        .build());
        Awaitility.await().atMost(PATIENCE).until(() -> status(vm, id, secretOf(body)), "REJECTED"::equals);

        // when / then
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> vm.get("/v1/enrollments/" + id, secretOf(body)).statusCode() == 404);
    }

    private void awaitTheStatusViewConsuming() {
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> listeners.getListenerContainers().stream()
                        .allMatch(container -> container.isRunning()
                                && !container.getAssignedPartitions().isEmpty()));
    }

    private static String enroll(Api vm, Map<String, Object> body) {
        HttpResponse<String> response = vm.postJson("/v1/enrollments", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Api.tree(response).get("enrollmentId").asText();
    }

    private static String status(Api vm, String id, String secret) {
        HttpResponse<String> response = vm.get("/v1/enrollments/" + id, secret);
        return response.statusCode() == 200
                ? Api.tree(response).get("status").asText()
                : "HTTP " + response.statusCode();
    }
}
