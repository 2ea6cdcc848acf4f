package io.crosspatch.reporting.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.reporting.support.Api;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile path and query values, sent by an operator (who may read any tenant, so nothing stops them earlier): each
 * is answered 400 with a stable code, quickly, before it reaches Cassandra or the paging-state decoder.
 */
class HostileQueryIntegrationTest extends ReportingIntegrationTest {

    private static final Duration QUICKLY = Duration.ofSeconds(1);
    private static final String LONG = "a".repeat(2_000);

    @Test
    void shouldRefuseATenantIdNoTenantCanHave() {
        assertRefused("/v1/tenants/" + LONG + "/summary", "INVALID_PARAMETER");
        assertRefused("/v1/tenants/" + LONG + "/instances", "INVALID_PARAMETER");
        assertRefused("/v1/tenants/-acme/enrollment-failures", "INVALID_PARAMETER");
    }

    @Test
    void shouldRefuseOversizedIdsOrIdsWithSpaces() {
        String tenant = uniqueTenant("hostile");

        assertRefused("/v1/tenants/" + tenant + "/instances?cloudAccountId=" + LONG, "INVALID_PARAMETER");
        assertRefused("/v1/tenants/" + tenant + "/instances/" + LONG + "/updates", "INVALID_PARAMETER");
        assertRefused(
                "/v1/tenants/" + tenant + "/instances/vm-1/updates?cloudAccountId=acme%20prod", "INVALID_PARAMETER");
    }

    @Test
    void shouldRefuseAPatchGroupThatIsNoSlug() {
        String tenant = uniqueTenant("hostile");

        assertRefused("/v1/tenants/" + tenant + "/instances?patchGroup=" + LONG, "INVALID_PARAMETER");
        assertRefused("/v1/tenants/" + tenant + "/instances?patchGroup=Early%20Birds", "INVALID_PARAMETER");
    }

    @Test
    void shouldRefuseAPageTokenLongerOrOtherThanTheOnesThisApiIssues() {
        String tenant = uniqueTenant("hostile");

        assertRefused("/v1/tenants/" + tenant + "/instances?pageToken=" + "A".repeat(6_000), "INVALID_PAGE_TOKEN");
        assertRefused("/v1/tenants/" + tenant + "/instances?pageToken=AAAA%2FAAAA%3D", "INVALID_PAGE_TOKEN");
    }

    private void assertRefused(String path, String code) {
        long start = System.nanoTime();
        Api.Response response = api.get(path, TestTokens.forOperator());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo(code);
        assertThat(took).isLessThan(QUICKLY);
    }
}
