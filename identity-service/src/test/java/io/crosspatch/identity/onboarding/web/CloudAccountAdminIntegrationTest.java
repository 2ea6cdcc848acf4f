package io.crosspatch.identity.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin onboarding API: only admins, validated settings, listing by tenant, no silent move between tenants. */
class CloudAccountAdminIntegrationTest extends IngressIntegrationTest {

    @Test
    void shouldOnboardAnAccountThenUpdateItAndListItUnderItsTenant() {
        // given
        String tenant = unique("tenant");
        String project = unique("acme");

        // when
        HttpResponse<String> created =
                api().putJson(accountPath(tenant, "gcp", project), settings("early"), AdminTokens.admin());
        HttpResponse<String> updated =
                api().putJson(accountPath(tenant, "gcp", project), settings("late"), AdminTokens.admin());
        HttpResponse<String> listed = api().get("/v1/admin/tenants/" + tenant + "/cloud-accounts", AdminTokens.admin());

        // then
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.tree(created).get("cloudAccountKey").asText()).isEqualTo("gcp:" + project);
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode accounts = Api.tree(listed);
        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).get("defaultPatchGroup").asText()).isEqualTo("late");
        assertThat(accounts.get(0).get("allowedPatchGroups").get(0).asText()).isEqualTo("canary");
    }

    @Test
    void shouldRefuseToMoveAnAccountToAnotherTenant() {
        // given
        String project = unique("shared");
        api().putJson(accountPath(unique("first"), "gcp", project), settings("early"), AdminTokens.admin());
        String second = unique("second");

        // when
        HttpResponse<String> moved =
                api().putJson(accountPath(second, "gcp", project), settings("early"), AdminTokens.admin());

        // then
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(Api.tree(moved).get("error").asText()).isEqualTo("ACCOUNT_OWNED_BY_ANOTHER_TENANT");
        assertThat(Api.tree(api().get("/v1/admin/tenants/" + second + "/cloud-accounts", AdminTokens.admin())))
                .isEmpty();
    }

    @Test
    void shouldRefuseInvalidSettings() {
        String tenant = unique("tenant");
        assertError(
                api().putJson(accountPath(tenant, "aws", "12345"), settings("early"), AdminTokens.admin()),
                400,
                "INVALID_CLOUD_ACCOUNT_ID");
        assertError(
                api().putJson(accountPath(tenant, "oracle", "x1"), settings("early"), AdminTokens.admin()),
                400,
                "UNKNOWN_PROVIDER");
        assertError(
                api().putJson(accountPath(tenant, "aws", "123456789012"), settings("nightly"), AdminTokens.admin()),
                400,
                "INVALID_PATCH_GROUP");
        assertError(
                api().putJson(
                                accountPath(tenant, "aws", "123456789012"),
                                Map.of("defaultPatchGroup", "early", "awsRegion", "mars-1"),
                                AdminTokens.admin()),
                400,
                "INVALID_AWS_REGION");
    }

    @Test
    void shouldRequireAValidTokenWithTheAdminRole() {
        String path = accountPath(unique("tenant"), "gcp", unique("acme"));
        assertError(api().putJson(path, settings("early"), null), 401, "UNAUTHENTICATED");
        assertError(api().putJson(path, settings("early"), "not-a-jwt"), 401, "UNAUTHENTICATED");
        assertError(
                api().putJson(path, settings("early"), AdminTokens.adminSignedByStranger()), 401, "UNAUTHENTICATED");
        assertError(api().putJson(path, settings("early"), AdminTokens.adminWithoutExpiry()), 401, "UNAUTHENTICATED");
        assertError(
                api().putJson(path, settings("early"), AdminTokens.adminForAnotherAudience()), 401, "UNAUTHENTICATED");
        assertError(api().putJson(path, settings("early"), AdminTokens.withoutAdminRole()), 403, "FORBIDDEN");
        assertError(api().get("/v1/admin/tenants/t/cloud-accounts", null), 401, "UNAUTHENTICATED");
    }

    private Api api() {
        return newSource();
    }

    private static String accountPath(String tenant, String provider, String account) {
        return "/v1/admin/tenants/" + tenant + "/cloud-accounts/" + provider + "/" + account;
    }

    private static Map<String, Object> settings(String defaultGroup) {
        return Map.of(
                "displayName",
                "Acme production",
                "defaultPatchGroup",
                defaultGroup,
                "awsRegion",
                "eu-west-1",
                "allowedPatchGroups",
                List.of("canary"));
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Api.tree(response).get("error").asText()).isEqualTo(code);
    }
}
