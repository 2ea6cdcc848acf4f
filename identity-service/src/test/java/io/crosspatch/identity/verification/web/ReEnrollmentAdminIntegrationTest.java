package io.crosspatch.identity.verification.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.identity.verification.domain.InstanceKey;
import io.crosspatch.identity.verification.persistence.InstanceClaimRepository;
import io.crosspatch.identity.verification.persistence.ReEnrollmentAuditRepository;
import io.crosspatch.kernel.CloudProvider;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /v1/admin/tenants/{t}/instances/{provider}/{account}/{instance}/re-enrollment} over HTTP with the
 * service's real security: an admin releases an instance's trust-on-first-use claim and the release is audited with
 * the token's subject; other tenants, unknown instances, missing reasons and non-admins get nothing.
 */
class ReEnrollmentAdminIntegrationTest extends IngressIntegrationTest {

    @Autowired
    private CloudAccountRepository accounts;

    @Autowired
    private InstanceClaimRepository claims;

    @Autowired
    private ReEnrollmentAuditRepository audit;

    private String tenant;
    private String project;
    private String instanceId;
    private Api api;

    @BeforeEach
    void anEnrolledGcpInstance() {
        tenant = unique("tenant");
        project = unique("proj");
        instanceId = String.valueOf(Math.abs(System.nanoTime()));
        accounts.save(
                new CloudAccount("gcp", project, tenant, "Project", "on-time", "eu-west-1", Set.of(), Instant.now()));
        claims.claim(
                new InstanceKey(CloudProvider.GCP, project, instanceId, Instant.parse("2026-01-01T00:00:00Z")),
                "enr-first",
                Instant.now());
        api = newSource();
    }

    private String path(String tenantId, String instance) {
        return "/v1/admin/tenants/" + tenantId + "/instances/gcp/" + project + "/" + instance + "/re-enrollment";
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

    @Test
    void anAdminReleasesTheInstanceAndTheReleaseIsAudited() {
        HttpResponse<String> response = post(
                path(tenant, instanceId), Api.json(Map.of("reason", "VM rebuilt from its image")), AdminTokens.admin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Api.tree(response);
        assertThat(body.get("previousEnrollmentIds").get(0).asText()).isEqualTo("enr-first");
        assertThat(body.get("releasedBy").asText()).isEqualTo("ops");
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId)).isEmpty();
        assertThat(audit.ofInstance(CloudProvider.GCP, project, instanceId))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.tenantId()).isEqualTo(tenant);
                    assertThat(entry.releasedBy()).isEqualTo("ops");
                    assertThat(entry.reason()).isEqualTo("VM rebuilt from its image");
                });
    }

    @Test
    void anAdminReleasesAnAwsInstanceWhateverBootItsClaimsWereKeyedOn() {
        // given: an EC2 instance claimed under the old key (its pendingTime at the time) and under the instance alone
        String awsAccount = String.valueOf(100_000_000_000L + Math.abs(System.nanoTime() % 800_000_000_000L));
        String ec2Instance = "i-" + Long.toHexString(System.nanoTime());
        accounts.save(new CloudAccount(
                "aws", awsAccount, tenant, "Account", "on-time", "eu-west-1", Set.of(), Instant.now()));
        claims.claim(
                new InstanceKey(CloudProvider.AWS, awsAccount, ec2Instance, Instant.parse("2026-01-01T00:00:00Z")),
                "enr-before-upgrade",
                Instant.now());
        claims.claim(
                new InstanceKey(CloudProvider.AWS, awsAccount, ec2Instance, null), "enr-before-upgrade", Instant.now());

        // when
        HttpResponse<String> response = post(
                "/v1/admin/tenants/" + tenant + "/instances/aws/" + awsAccount + "/" + ec2Instance + "/re-enrollment",
                Api.json(Map.of("reason", "instance rebuilt")),
                AdminTokens.admin());

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.tree(response).get("previousEnrollmentIds")).hasSize(1);
        assertThat(claims.claimsOf(CloudProvider.AWS, awsAccount, ec2Instance)).isEmpty();
    }

    @Test
    void anotherTenantsAccountOrAnInstanceThatNeverEnrolledIsNotFound() {
        HttpResponse<String> otherTenant =
                post(path(unique("tenant"), instanceId), Api.json(Map.of("reason", "x")), AdminTokens.admin());
        HttpResponse<String> neverEnrolled =
                post(path(tenant, "42"), Api.json(Map.of("reason", "x")), AdminTokens.admin());

        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(Api.tree(otherTenant).get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(neverEnrolled.statusCode()).isEqualTo(404);
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId)).hasSize(1);
    }

    @Test
    void aReleaseNeedsAReason() {
        HttpResponse<String> blank =
                post(path(tenant, instanceId), Api.json(Map.of("reason", "  ")), AdminTokens.admin());
        HttpResponse<String> controlCharacters =
                post(path(tenant, instanceId), Api.json(Map.of("reason", "ok\u0000")), AdminTokens.admin());

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Api.tree(blank).get("error").asText()).isEqualTo("INVALID_REASON");
        assertThat(controlCharacters.statusCode()).isEqualTo(400);
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId)).hasSize(1);
    }

    @Test
    void onlyAnAdminMayReleaseAnInstance() {
        HttpResponse<String> anonymous = post(path(tenant, instanceId), Api.json(Map.of("reason", "x")), null);
        HttpResponse<String> operator =
                post(path(tenant, instanceId), Api.json(Map.of("reason", "x")), AdminTokens.withoutAdminRole());
        HttpResponse<String> stranger =
                post(path(tenant, instanceId), Api.json(Map.of("reason", "x")), AdminTokens.adminSignedByStranger());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId)).hasSize(1);
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        HttpResponse<String> response = post(path(tenant, instanceId), "{\"reason\": ", AdminTokens.admin());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(claims.claimsOf(CloudProvider.GCP, project, instanceId)).hasSize(1);
    }
}
