package io.crosspatch.identity.enrollment.web;

import static io.crosspatch.identity.support.Enrollments.anyAwsEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyAzureEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyGcpEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyVmwareEnrollment;
import static io.crosspatch.identity.support.Enrollments.host;
import static io.crosspatch.identity.support.Enrollments.identity;
import static io.crosspatch.identity.support.Enrollments.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AwsIdentity;
import io.crosspatch.events.AzureIdentity;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.GcpIdentity;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.Provider;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.events.VmwareIdentity;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.Identities;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.EventLog;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** POST /v1/enrollments: what is accepted, what is published, and how retries and conflicts are told apart. */
class EnrollmentIngressIntegrationTest extends IngressIntegrationTest {

    @Test
    void shouldAcceptEachProviderAndPublishTheIdentityExactlyAsReceivedWithoutTheSecret() {
        Api vm = newSource();
        for (Map<String, Object> body :
                List.of(anyGcpEnrollment(), anyAzureEnrollment(), anyAwsEnrollment(), anyVmwareEnrollment())) {
            // when
            HttpResponse<String> response = vm.postJson("/v1/enrollments", body);

            // then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode accepted = Api.tree(response);
            String enrollmentId = accepted.get("enrollmentId").asText();
            assertThat(accepted.get("status").asText()).isEqualTo("PENDING");
            assertThat(accepted.get("statusUrl").asText()).isEqualTo("/v1/enrollments/" + enrollmentId);

            EnrollmentRequested event = EventLog.await(
                            Topics.ENROLLMENT_REQUESTED.name(), enrollmentId, EnrollmentRequested.class, e -> true, 1)
                    .get(0);
            assertThat(event.getEnrollmentId()).isEqualTo(enrollmentId);
            assertThat(event.getProvider().name().toLowerCase()).isEqualTo(body.get("provider"));
            assertThat(identityOf(event)).isEqualTo(identity(body));
            assertThat(event.getHost().getHostname()).isEqualTo(host(body).get("hostname"));
            assertThat(event.getHost().getOsFamily()).isEqualTo("ubuntu");
            assertThat(event.getHost().getOsVersion()).isEqualTo("22.04");
            assertThat(event.getLabels()).containsEntry("crosspatch-patchgroup", "early");
            assertThat(event.getSourceAddress()).startsWith("10.");
            assertThat(event.getEnrollmentSecretHash())
                    .isEqualTo(SecretHash.of(secretOf(body)).value());
        }
        List<byte[]> raw = EventLog.rawValues(Topics.ENROLLMENT_REQUESTED.name());
        assertThat(raw).noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains("enrollmentSecret"));
    }

    @Test
    void shouldNeverPutTheSecretOnTheTopic() {
        // given
        Map<String, Object> body = anyGcpEnrollment();

        // when
        String enrollmentId = Api.tree(newSource().postJson("/v1/enrollments", body))
                .get("enrollmentId")
                .asText();

        // then
        EventLog.await(Topics.ENROLLMENT_REQUESTED.name(), enrollmentId, EnrollmentRequested.class, e -> true, 1);
        assertThat(EventLog.rawValues(Topics.ENROLLMENT_REQUESTED.name()))
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(secretOf(body)));
    }

    @Test
    void shouldAnswerARetryWithTheSameIdentityAndSecretWithTheSameEnrollment() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyAwsEnrollment();
        String first = Api.tree(vm.postJson("/v1/enrollments", body))
                .get("enrollmentId")
                .asText();

        // when
        HttpResponse<String> retry = vm.postJson("/v1/enrollments", body);

        // then
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(Api.tree(retry).get("enrollmentId").asText()).isEqualTo(first);
    }

    @Test
    void shouldGiveTheSameEnrollmentToAFreshTokenOfTheSameInstanceAndSecret() {
        // given: the VM reads a new token for the same instance (a GCP token has a new iat and jti every time)
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String instanceId = Identities.digits(19);
        identity(body).put("token", Identities.gcpToken("acme-prod", instanceId));
        String first = Api.tree(vm.postJson("/v1/enrollments", body))
                .get("enrollmentId")
                .asText();
        identity(body).put("token", Identities.gcpToken("acme-prod", instanceId));

        // when
        HttpResponse<String> again = vm.postJson("/v1/enrollments", body);

        // then: the same id, but it is not the same request, so it is a conflict rather than a silent replacement
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Api.tree(again).get("error").asText()).isEqualTo("ENROLLMENT_CONFLICT");
        assertThat(first).startsWith("enr-");
    }

    @Test
    void shouldRefuseAnotherRequestUnderTheSameEnrollmentWithAConflictAndPublishNothing() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyVmwareEnrollment();
        String enrollmentId = Api.tree(vm.postJson("/v1/enrollments", body))
                .get("enrollmentId")
                .asText();
        host(body).put("hostname", "someone-else");

        // when
        HttpResponse<String> conflicting = vm.postJson("/v1/enrollments", body);

        // then
        assertThat(conflicting.statusCode()).isEqualTo(409);
        assertThat(Api.tree(conflicting).get("error").asText()).isEqualTo("ENROLLMENT_CONFLICT");
        assertThat(EventLog.all(Topics.ENROLLMENT_REQUESTED.name(), enrollmentId, EnrollmentRequested.class))
                .extracting(e -> e.getHost().getHostname())
                .doesNotContain("someone-else");
    }

    @Test
    void shouldAnswerARetryOfAnEnrollmentPastPendingWithItsStatusWithoutPublishingAgain() {
        // given
        Api vm = newSource();
        Map<String, Object> body = anyGcpEnrollment();
        String enrollmentId = Api.tree(vm.postJson("/v1/enrollments", body))
                .get("enrollmentId")
                .asText();
        kafka.send(Topics.IDENTITY_VERIFIED.name(), "gcp:acme-prod", verified(enrollmentId));
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> Api.tree(vm.get("/v1/enrollments/" + enrollmentId, secretOf(body)))
                        .get("status")
                        .asText()
                        .equals("VERIFIED"));

        // when
        HttpResponse<String> retry = vm.postJson("/v1/enrollments", body);

        // then
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(Api.tree(retry).get("status").asText()).isEqualTo("VERIFIED");
        assertThat(EventLog.all(Topics.ENROLLMENT_REQUESTED.name(), enrollmentId, EnrollmentRequested.class))
                .hasSize(1);
    }

    static IdentityVerified verified(String enrollmentId) {
        return IdentityVerified.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(enrollmentId)
                .setIdentity(VerifiedIdentity.newBuilder()
                        .setTenantId("tenant-a")
                        .setProvider(Provider.GCP)
                        .setCloudAccountId("acme-prod")
                        .setInstanceId("1234")
                        .setHostname("web-1")
                        .setOperatingSystem(OperatingSystem.UBUNTU)
                        .setPatchGroup("early")
                        .setAwsRegion("eu-west-1")
                        .build())
                .build();
    }

    private static Map<String, Object> identityOf(EnrollmentRequested event) {
        Object identity = event.getIdentity();
        if (identity instanceof GcpIdentity gcp) {
            return Map.of("token", gcp.getToken());
        }
        if (identity instanceof VmwareIdentity vmware) {
            return Map.of("token", vmware.getToken());
        }
        if (identity instanceof AzureIdentity azure) {
            return Map.of("attestedDocument", azure.getAttestedDocument(), "nonce", azure.getNonce());
        }
        AwsIdentity aws = (AwsIdentity) identity;
        return aws.getDocument() == null
                ? Map.of("pkcs7", aws.getPkcs7())
                : Map.of("pkcs7", aws.getPkcs7(), "document", aws.getDocument());
    }
}
