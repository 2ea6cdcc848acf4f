package io.crosspatch.reporting.policy;

import static io.crosspatch.reporting.support.PatchResults.patches;
import static io.crosspatch.reporting.support.PatchResults.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AccountConfigured;
import io.crosspatch.events.ConfigurationChanges;
import io.crosspatch.events.ConfigurationReason;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.Provider;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import io.crosspatch.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The policy-version view built from real account.configured events through Kafka: per account the newest version
 * applied whatever order the events arrive in, counted per version, only for the tenant the token grants; and
 * the other half of keeping agents current: once an instance reports the latest agent, pending agent updates fall
 * to zero.
 */
class PolicyVersionsIntegrationTest extends ReportingIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
    private static final String V1 = "standard-111111111111";
    private static final String V2 = "standard-222222222222";

    @Test
    void showsWhichAccountsRunWhichPolicyVersionAndSinceWhen() {
        // given two accounts on V1, then one of them moved to V2, and an older V1 event arriving late
        String tenant = uniqueTenant("acme");
        publish(
                Topics.ACCOUNT_CONFIGURED.name(),
                "gcp:acme-prod",
                List.of(
                        configured(tenant, "acme-prod", V1, T0, ConfigurationReason.FIRST_APPLIED),
                        configured(tenant, "acme-prod", V2, T0.plusSeconds(3600), ConfigurationReason.POLICY_CHANGED),
                        configured(tenant, "acme-prod", V1, T0.plusSeconds(60), ConfigurationReason.DRIFT_REPAIRED)));
        publish(
                Topics.ACCOUNT_CONFIGURED.name(),
                "gcp:acme-test",
                List.of(configured(tenant, "acme-test", V1, T0, ConfigurationReason.FIRST_APPLIED)));

        // when the tenant asks which versions its accounts run
        JsonNode view = Awaitility.await()
                .atMost(PATIENCE)
                .until(
                        () -> api.get("/v1/tenants/" + tenant + "/policy-versions", TestTokens.forTenant(tenant))
                                .json(),
                        json -> json.path("accounts").size() == 2
                                && json.at("/versions/" + V2).asInt() == 1);

        // then each account shows its newest version, when and why it was applied, and the versions are counted
        assertThat(view.at("/versions/" + V1).asInt()).isEqualTo(1);
        JsonNode prod = account(view, "acme-prod");
        assertThat(prod.get("policyVersion").asText()).isEqualTo(V2);
        assertThat(Instant.parse(prod.get("appliedAt").asText())).isEqualTo(T0.plusSeconds(3600));
        assertThat(prod.get("reason").asText()).isEqualTo("POLICY_CHANGED");
        assertThat(prod.get("provider").asText()).isEqualTo("gcp");
        assertThat(prod.get("agentUpdateSchedule").asText()).isEqualTo("cron(0 6 ? * TUE#4 *)");
        assertThat(account(view, "acme-test").get("policyVersion").asText()).isEqualTo(V1);

        // and another tenant's token does not reach it
        assertThat(api.get("/v1/tenants/" + tenant + "/policy-versions", TestTokens.forTenant("someone-else"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/v1/tenants/bad%20tenant/policy-versions", TestTokens.forOperator())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void pendingAgentUpdatesFallToZeroOnceTheInstanceReportsTheLatestAgent() {
        // given an instance on an old agent
        String tenant = uniqueTenant("acme");
        publishPatchResults(List.of(state(
                tenant,
                Provider.AZURE,
                "sub-1",
                "vm-1",
                T0,
                patches(3, 0, 0, T0),
                true,
                false,
                OperationOutcome.SUCCEEDED)));
        awaitPendingAgentUpdates(tenant, 1);

        // when the agent-update association ran and the next collection reports the latest agent
        publishPatchResults(List.of(state(
                tenant,
                Provider.AZURE,
                "sub-1",
                "vm-1",
                T0.plusSeconds(600),
                patches(3, 0, 0, T0),
                true,
                true,
                OperationOutcome.SUCCEEDED)));

        // then nothing is pending
        awaitPendingAgentUpdates(tenant, 0);
    }

    private void awaitPendingAgentUpdates(String tenant, int expected) {
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                                        .json()
                                        .at("/totals/pendingAgentUpdates")
                                        .asInt(-1))
                                .isEqualTo(expected));
    }

    private static JsonNode account(JsonNode view, String cloudAccountId) {
        for (JsonNode account : view.get("accounts")) {
            if (account.get("cloudAccountId").asText().equals(cloudAccountId)) {
                return account;
            }
        }
        throw new AssertionError("no account " + cloudAccountId + " in " + view);
    }

    private static AccountConfigured configured(
            String tenant, String cloudAccountId, String version, Instant at, ConfigurationReason reason) {
        return AccountConfigured.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setTenantId(tenant)
                .setProvider(Provider.GCP)
                .setCloudAccountId(cloudAccountId)
                .setSystemAccountId("123456789012")
                .setRegion("eu-west-1")
                .setPolicyVersion(version)
                .setPolicyHash(version.substring("standard-".length()) + "0".repeat(52))
                .setPlanHash("0".repeat(64))
                .setAppliedAt(at)
                .setReason(reason)
                .setChanges(new ConfigurationChanges(1, 0, 0))
                .setAgentUpdateSchedule("cron(0 6 ? * TUE#4 *)")
                .build();
    }
}
