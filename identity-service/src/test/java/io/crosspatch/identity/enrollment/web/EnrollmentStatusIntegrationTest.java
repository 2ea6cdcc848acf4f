package io.crosspatch.identity.enrollment.web;

import static io.crosspatch.identity.support.Enrollments.anyAwsEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyGcpEnrollment;
import static io.crosspatch.identity.support.Enrollments.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.IssuedActivation;
import io.crosspatch.events.Provider;
import io.crosspatch.events.Registration;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.identity.support.ActivationCodes;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.Identities;
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

/**
 * GET /v1/enrollments/{id}: the status view fed by the stages' events (published here by the test as those stages
 * would), shown only to the holder of the secret, never moving backwards, and rebuilt from Kafka after a restart.
 */
class EnrollmentStatusIntegrationTest extends IngressIntegrationTest {

    private static final String ACCOUNT_KEY = "gcp:acme-prod";

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldFollowTheEnrollmentThroughEveryStageAndHandTheActivationToTheSecretsHolder() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String id = enroll(vm, body);
        assertThat(status(vm, id, secretOf(body)).get("status").asText()).isEqualTo("PENDING");

        // when / then
        kafka.send(Topics.IDENTITY_VERIFIED.name(), ACCOUNT_KEY, EnrollmentIngressIntegrationTest.verified(id));
        awaitStatus(vm, id, secretOf(body), "VERIFIED");
        kafka.send(Topics.ACCOUNT_READY.name(), ACCOUNT_KEY, accountReady(id));
        awaitStatus(vm, id, secretOf(body), "ACCOUNT_READY");
        String code = "code-" + UUID.randomUUID();
        kafka.send(Topics.INSTANCE_ACTIVATED.name(), ACCOUNT_KEY, activationIssued(id, code, Instant.now()));
        JsonNode issued = awaitStatus(vm, id, secretOf(body), "ACTIVATION_ISSUED");
        assertThat(issued.get("activation").get("activationCode").asText()).isEqualTo(code);
        assertThat(issued.get("activation").get("activationId").asText()).isEqualTo("act-" + id);
        assertThat(issued.get("activation").get("region").asText()).isEqualTo("eu-west-1");
        kafka.send(Topics.INSTANCE_ACTIVATED.name(), ACCOUNT_KEY, registered(id, Instant.now()));
        JsonNode registered = awaitStatus(vm, id, secretOf(body), "REGISTERED");
        assertThat(registered.get("managedInstanceId").asText()).isEqualTo("mi-0123456789abcdef0");
    }

    @Test
    void shouldAnswerAWrongSecretAndAnUnknownIdWithTheSame404() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String id = enroll(vm, body);

        // when
        HttpResponse<String> wrongSecret = vm.get("/v1/enrollments/" + id, Identities.secret());
        HttpResponse<String> noSecret = vm.get("/v1/enrollments/" + id, null);
        HttpResponse<String> unknown = vm.get("/v1/enrollments/enr-" + "0".repeat(32), secretOf(body));
        HttpResponse<String> garbage = vm.get("/v1/enrollments/%3Cscript%3E", secretOf(body));

        // then
        for (HttpResponse<String> response : new HttpResponse[] {wrongSecret, noSecret, unknown, garbage}) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(wrongSecret.body());
        }
        assertThat(Api.tree(wrongSecret).get("error").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldNeverMoveTheStatusBackwardsWhenEventsArriveOutOfOrder() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyAwsEnrollment();
        String id = enroll(vm, body);
        Instant start = Instant.now().minus(Duration.ofMinutes(5));

        // when: registration arrives first, then the earlier stages, one of them twice
        kafka.send(Topics.INSTANCE_ACTIVATED.name(), ACCOUNT_KEY, registered(id, start.plusSeconds(40)));
        kafka.send(
                Topics.INSTANCE_ACTIVATED.name(),
                ACCOUNT_KEY,
                activationIssued(id, "late-code", start.plusSeconds(30)));
        kafka.send(Topics.ACCOUNT_READY.name(), ACCOUNT_KEY, accountReady(id));
        kafka.send(Topics.IDENTITY_VERIFIED.name(), ACCOUNT_KEY, EnrollmentIngressIntegrationTest.verified(id));
        kafka.send(Topics.IDENTITY_VERIFIED.name(), ACCOUNT_KEY, EnrollmentIngressIntegrationTest.verified(id));
        Map<String, Object> markerBody = anyGcpEnrollment();
        String marker = enroll(vm, markerBody);
        kafka.send(Topics.IDENTITY_VERIFIED.name(), ACCOUNT_KEY, EnrollmentIngressIntegrationTest.verified(marker));
        kafka.send(Topics.ACCOUNT_READY.name(), ACCOUNT_KEY, accountReady(marker));

        // then: once a later enrollment's events on the same partitions are applied, so are the earlier ones
        awaitStatus(vm, marker, secretOf(markerBody), "ACCOUNT_READY");
        assertThat(status(vm, id, secretOf(body)).get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void shouldSettleARejectionWhateverComesAfterIt() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String id = enroll(vm, body);

        // when
        kafka.send(Topics.ENROLLMENT_FAILED.name(), id, failed(id, EnrollmentStage.VERIFICATION, "SIGNATURE_INVALID"));
        JsonNode rejected = awaitStatus(vm, id, secretOf(body), "REJECTED");
        kafka.send(Topics.IDENTITY_VERIFIED.name(), ACCOUNT_KEY, EnrollmentIngressIntegrationTest.verified(id));

        // then
        assertThat(rejected.get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(rejected.has("activation")).isFalse();
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .until(() ->
                        status(vm, id, secretOf(body)).get("status").asText().equals("REJECTED"));
    }

    @Test
    void shouldReportAFailureOfALaterStageAsFailed() {
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String id = enroll(vm, body);

        kafka.send(Topics.ENROLLMENT_FAILED.name(), id, failed(id, EnrollmentStage.ACCOUNT, "ACCOUNT_LIMIT_EXCEEDED"));

        assertThat(awaitStatus(vm, id, secretOf(body), "FAILED").get("reason").asText())
                .isEqualTo("ACCOUNT_LIMIT_EXCEEDED");
    }

    @Test
    void shouldCatchUpOnEventsPublishedWhileItsListenersWereStopped() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String id = enroll(vm, body);
        listeners.stop();
        try {
            // when: events arrive while the status view is down
            kafka.send(Topics.IDENTITY_VERIFIED.name(), ACCOUNT_KEY, EnrollmentIngressIntegrationTest.verified(id));
            kafka.send(Topics.ACCOUNT_READY.name(), ACCOUNT_KEY, accountReady(id));
            kafka.flush();
            assertThat(status(vm, id, secretOf(body)).get("status").asText()).isEqualTo("PENDING");
        } finally {
            listeners.start();
        }

        // then: it resumes from its committed offsets and applies them
        awaitStatus(vm, id, secretOf(body), "ACCOUNT_READY");
    }

    private String enroll(Api vm, Map<String, Object> body) {
        HttpResponse<String> response = vm.postJson("/v1/enrollments", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Api.tree(response).get("enrollmentId").asText();
    }

    /** The status the secret's holder sees. */
    private JsonNode status(Api vm, String id, String secret) {
        HttpResponse<String> response = vm.get("/v1/enrollments/" + id, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        return Api.tree(response);
    }

    private JsonNode awaitStatus(Api vm, String id, String secret, String expected) {
        return Awaitility.await()
                .atMost(PATIENCE)
                .until(
                        () -> status(vm, id, secret),
                        status -> status.get("status").asText().equals(expected));
    }

    private static AccountReady accountReady(String id) {
        return AccountReady.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(id)
                .setIdentity(EnrollmentIngressIntegrationTest.verified(id).getIdentity())
                .setSystemAccount(SystemAccount.newBuilder()
                        .setAccountId("210987654321")
                        .setRegion("eu-west-1")
                        .setRoleArn("arn:aws:iam::210987654321:role/OrganizationAccountAccessRole")
                        .setSsmServiceRoleName("CrosspatchSsmService")
                        .setNewlyCreated(false)
                        .build())
                .build();
    }

    private static InstanceActivated.Builder activated(String id, Instant at) {
        return InstanceActivated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setEnrollmentId(id)
                .setTenantId("tenant-a")
                .setProvider(Provider.GCP)
                .setCloudAccountId("acme-prod")
                .setInstanceId("1234")
                .setSystemAccountId("210987654321");
    }

    private static InstanceActivated activationIssued(String id, String code, Instant at) {
        return activated(id, at)
                .setStage(ActivationStage.ACTIVATION_ISSUED)
                .setActivation(IssuedActivation.newBuilder()
                        .setActivationId("act-" + id)
                        .setRegion("eu-west-1")
                        .setExpiresAt(at.plus(Duration.ofDays(1)))
                        .setEncryptedActivationCode(ActivationCodes.encrypt(code))
                        .setEncryptionKeyId(ActivationCodes.KEY_ID)
                        .build())
                .build();
    }

    private static InstanceActivated registered(String id, Instant at) {
        return activated(id, at)
                .setStage(ActivationStage.REGISTERED)
                .setRegistration(Registration.newBuilder()
                        .setManagedInstanceId("mi-0123456789abcdef0")
                        .setTags(Map.of("Patch Group", "early"))
                        .build())
                .build();
    }

    private static EnrollmentFailed failed(String id, EnrollmentStage stage, String reason) {
        return EnrollmentFailed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(id)
                .setStage(stage)
                .setReasonCode(reason)
                .setMessage("test")
                .setRetryable(false)
                .build();
    }
}
