package io.crosspatch.reporting.compliance;

import static io.crosspatch.reporting.support.PatchResults.patches;
import static io.crosspatch.reporting.support.PatchResults.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.Provider;
import io.crosspatch.reporting.support.Api;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's token reads its own tenant and nothing else; an operator reads all; bad tokens read nothing. */
class TenantIsolationIntegrationTest extends ReportingIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    private String alpha;
    private String beta;

    @BeforeEach
    void twoTenantsWithOneInstanceEach() {
        alpha = uniqueTenant("alpha");
        beta = uniqueTenant("beta");
        publishPatchResults(List.of(
                state(
                        alpha,
                        Provider.GCP,
                        "alpha-prod",
                        "alpha-vm",
                        T0,
                        patches(2, 1, 0, T0),
                        true,
                        true,
                        OperationOutcome.SUCCEEDED),
                state(
                        beta,
                        Provider.GCP,
                        "beta-prod",
                        "beta-vm",
                        T0,
                        patches(4, 0, 0, T0),
                        true,
                        true,
                        OperationOutcome.SUCCEEDED)));
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(api.get("/v1/tenants/" + alpha + "/summary", TestTokens.forOperator())
                            .json()
                            .at("/totals/instances")
                            .asInt())
                    .isEqualTo(1);
            assertThat(api.get("/v1/tenants/" + beta + "/summary", TestTokens.forOperator())
                            .json()
                            .at("/totals/instances")
                            .asInt())
                    .isEqualTo(1);
        });
    }

    @Test
    void tenantReadsItsOwnSummaryInstancesAndUpdates() {
        String token = TestTokens.forTenant(alpha);

        assertThat(api.get("/v1/tenants/" + alpha + "/summary", token).status()).isEqualTo(200);
        assertThat(api.get("/v1/tenants/" + alpha + "/instances", token).json().get("instances"))
                .hasSize(1);
        assertThat(api.get("/v1/tenants/" + alpha + "/instances/alpha-vm/updates", token)
                        .json()
                        .get("updates"))
                .hasSize(3);
        assertThat(api.get("/v1/tenants/" + alpha + "/summary", TestTokens.forTenantIdClaim(alpha))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void tenantCannotReadAnotherTenantsSummaryInstancesOrUpdates() {
        String alphaToken = TestTokens.forTenant(alpha);

        for (String path : List.of("/summary", "/instances", "/instances/beta-vm/updates", "/enrollment-failures")) {
            Api.Response response = api.get("/v1/tenants/" + beta + path, alphaToken);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.json().get("error").asText()).isEqualTo("FORBIDDEN_TENANT");
            assertThat(response.body()).doesNotContain("beta-vm", "beta-prod");
        }
    }

    @Test
    void guessingAnotherTenantsInstanceIdInsideOwnTenantFindsNothing() {
        Api.Response response =
                api.get("/v1/tenants/" + alpha + "/instances/beta-vm/updates", TestTokens.forTenant(alpha));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("INSTANCE_NOT_FOUND");
        assertThat(response.body()).doesNotContain("beta-prod");
    }

    @Test
    void operatorReadsEveryTenant() {
        assertThat(api.get("/v1/tenants/" + beta + "/instances/beta-vm/updates", TestTokens.forOperator())
                        .json()
                        .get("hostname")
                        .asText())
                .isEqualTo("host-beta-vm");
    }

    @Test
    void missingOrUntrustedTokensAreUnauthenticated() {
        for (String token : Arrays.asList(
                null,
                "not-a-jwt",
                TestTokens.expiredForTenant(alpha),
                TestTokens.signedByStrangerForTenant(alpha),
                TestTokens.withForeignIssuerForTenant(alpha),
                TestTokens.withoutExpiryForOperator(),
                TestTokens.forAnotherAudienceAsOperator())) {
            Api.Response response = api.get("/v1/tenants/" + alpha + "/summary", token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("error").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }
}
