package io.crosspatch.identity.verification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.InstanceRetired;
import io.crosspatch.events.InstanceRetirementRequested;
import io.crosspatch.events.Provider;
import io.crosspatch.events.RetirementReason;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.identity.enrollment.persistence.EnrollmentRepository;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.identity.verification.domain.InstanceKey;
import io.crosspatch.identity.verification.persistence.InstanceClaimRepository;
import io.crosspatch.identity.verification.persistence.RetirementAuditRepository;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.EventLog;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /v1/admin/tenants/{t}/instances/{provider}/{account}/{instance}/retirement} over HTTP with the
 * service's real security, and {@code instance.retired} read back from Kafka: an admin's request is audited and
 * handed to patching-service; another tenant, an unknown instance or a non-admin retire nothing; a retirement
 * releases the retired enrollment's enroll-once claim (so the same VM enrolls again) and shows RETIRED in its status,
 * and a late retirement of an older enrollment never drops a newer one's claim.
 */
class RetirementAdminIntegrationTest extends IngressIntegrationTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private CloudAccountRepository accounts;

    @Autowired
    private InstanceClaimRepository claims;

    @Autowired
    private RetirementAuditRepository audit;

    @Autowired
    private EnrollmentRepository enrollments;

    private String tenant;
    private String project;
    private String instanceId;
    private String enrollmentId;
    private Api api;

    @BeforeEach
    void anEnrolledGcpInstance() {
        tenant = unique("tenant");
        project = unique("proj");
        instanceId = String.valueOf(Math.abs(System.nanoTime()));
        enrollmentId = "enr-" + UUID.randomUUID().toString().replace("-", "");
        accounts.save(
                new CloudAccount("gcp", project, tenant, "Project", "on-time", "eu-west-1", Set.of(), Instant.now()));
        claims.claim(new InstanceKey(CloudProvider.GCP, project, instanceId, CREATED), enrollmentId, Instant.now());
        enrollments.claim(enrollmentId, SecretHash.of("a-secret"), "fingerprint", CloudProvider.GCP, Instant.now());
        enrollments.registered(enrollmentId, "mi-0123456789abcdef0", Instant.now());
        api = newSource();
    }

    @Test
    void anAdminsRequestIsAuditedAndHandedToPatchingService() {
        HttpResponse<String> response =
                post(path(tenant, instanceId), Api.json(Map.of("reason", "VM deleted")), AdminTokens.admin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = Api.tree(response);
        String requestId = body.get("requestId").asText();
        assertThat(requestId).isNotBlank();
        assertThat(body.get("requestedBy").asText()).isEqualTo("ops");
        assertThat(audit.ofInstance(CloudProvider.GCP, project, instanceId))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.requestId()).isEqualTo(requestId);
                    assertThat(entry.tenantId()).isEqualTo(tenant);
                    assertThat(entry.requestedBy()).isEqualTo("ops");
                    assertThat(entry.reason()).isEqualTo("VM deleted");
                });
        InstanceRetirementRequested published = EventLog.await(
                        Topics.INSTANCE_RETIREMENT_REQUESTED.name(),
                        key(),
                        InstanceRetirementRequested.class,
                        event -> event.getRequestId().equals(requestId),
                        1)
                .get(0);
        assertThat(published.getInstanceId()).isEqualTo(instanceId);
        assertThat(published.getTenantId()).isEqualTo(tenant);
        assertThat(published.getRequestedBy()).isEqualTo("ops");
        // the request itself releases nothing: patching-service's instance.retired does
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId)).hasSize(1);

        // and asking again is accepted as a new, harmless request
        HttpResponse<String> again =
                post(path(tenant, instanceId), Api.json(Map.of("reason", "VM deleted")), AdminTokens.admin());
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(audit.ofInstance(CloudProvider.GCP, project, instanceId)).hasSize(2);
    }

    @Test
    void anotherTenantsInstanceOrAnUnknownOneIsNotFoundAndNothingIsRequested() {
        HttpResponse<String> otherTenant =
                post(path(unique("tenant"), instanceId), Api.json(Map.of("reason", "x")), AdminTokens.admin());
        HttpResponse<String> neverEnrolled =
                post(path(tenant, "42"), Api.json(Map.of("reason", "x")), AdminTokens.admin());
        HttpResponse<String> unknownProvider = post(
                "/v1/admin/tenants/" + tenant + "/instances/oracle/" + project + "/" + instanceId + "/retirement",
                Api.json(Map.of("reason", "x")),
                AdminTokens.admin());
        HttpResponse<String> noReason =
                post(path(tenant, instanceId), Api.json(Map.of("reason", " ")), AdminTokens.admin());

        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(Api.tree(otherTenant).get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(neverEnrolled.statusCode()).isEqualTo(404);
        assertThat(unknownProvider.statusCode()).isEqualTo(404);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Api.tree(noReason).get("error").asText()).isEqualTo("INVALID_REASON");
        assertThat(audit.ofInstance(CloudProvider.GCP, project, instanceId)).isEmpty();
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId)).hasSize(1);
    }

    @Test
    void onlyAnAdminMayRequestARetirement() {
        HttpResponse<String> anonymous = post(path(tenant, instanceId), Api.json(Map.of("reason", "x")), null);
        HttpResponse<String> operator =
                post(path(tenant, instanceId), Api.json(Map.of("reason", "x")), AdminTokens.withoutAdminRole());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(audit.ofInstance(CloudProvider.GCP, project, instanceId)).isEmpty();
    }

    @Test
    void aRetiredInstanceIsReleasedShowsRetiredAndEnrollsAgain() throws Exception {
        // when patching-service retires the instance's enrollment
        kafka.send(Topics.INSTANCE_RETIRED.name(), key(), retired(enrollmentId)).get();

        // then its claim is released and its status says RETIRED, so the VM enrolls afresh
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId))
                        .isEmpty());
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                enrollments.find(enrollmentId).orElseThrow().status())
                        .isEqualTo(EnrollmentStatus.RETIRED));
        assertThat(enrollments.find(enrollmentId).orElseThrow().failure().reason())
                .isEqualTo("CONNECTION_LOST");
        // and the same VM's next enrollment is a first one again
        String next = "enr-" + UUID.randomUUID().toString().replace("-", "");
        assertThat(claims.claim(new InstanceKey(CloudProvider.GCP, project, instanceId, CREATED), next, Instant.now()))
                .isEqualTo(next);

        // when a late, repeated retirement of the old enrollment arrives, the new claim stays
        kafka.send(Topics.INSTANCE_RETIRED.name(), key(), retired(enrollmentId)).get();
        String marker = "enr-" + UUID.randomUUID().toString().replace("-", "");
        enrollments.claim(marker, SecretHash.of("m"), "f", CloudProvider.GCP, Instant.now());
        kafka.send(Topics.INSTANCE_RETIRED.name(), key(), retired(marker)).get();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(enrollments.find(marker).orElseThrow().status())
                                .isEqualTo(EnrollmentStatus.RETIRED));
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId))
                .singleElement()
                .satisfies(claim -> assertThat(claim.enrollmentId()).isEqualTo(next));
    }

    private InstanceRetired retired(String enrollment) {
        return InstanceRetired.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTenantId(tenant)
                .setProvider(Provider.GCP)
                .setCloudAccountId(project)
                .setInstanceId(instanceId)
                .setSystemAccountId("123456789012")
                .setEnrollmentId(enrollment)
                .setManagedInstanceId("mi-0123456789abcdef0")
                .setReason(RetirementReason.CONNECTION_LOST)
                .build();
    }

    private String key() {
        return new CloudAccountKey(CloudProvider.GCP, project).toString();
    }

    private String path(String tenantId, String instance) {
        return "/v1/admin/tenants/" + tenantId + "/instances/gcp/" + project + "/" + instance + "/retirement";
    }

    private HttpResponse<String> post(String path, String body, String bearer) {
        HttpRequest.Builder request = api.builder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return api.send(request.build());
    }
}
