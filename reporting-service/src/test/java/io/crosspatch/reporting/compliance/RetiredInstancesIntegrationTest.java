package io.crosspatch.reporting.compliance;

import static io.crosspatch.reporting.support.PatchResults.patches;
import static io.crosspatch.reporting.support.PatchResults.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.InstanceRetired;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.Provider;
import io.crosspatch.events.RetirementReason;
import io.crosspatch.reporting.support.PatchResults;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import io.crosspatch.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Retired instances in the read model, through Kafka: {@code instance.retired} takes the instance out of its
 * account's figures at once and leaves it in the list as RETIRED with its time and reason; a late patch result
 * (older or newer than the retirement) does not bring it back, and only a newer activation of the same VM does.
 */
class RetiredInstancesIntegrationTest extends ReportingIntegrationTest {

    @Test
    void aRetiredInstanceLeavesTheFiguresStaysListedAsRetiredAndOnlyANewEnrollmentBringsItBack() {
        // given two registered instances of one account, both reported
        Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        String tenant = uniqueTenant("acme");
        String account = uniqueTenant("prod");
        String key = "gcp:" + account;
        publish(
                Topics.INSTANCE_ACTIVATED.name(),
                key,
                List.of(
                        PatchResults.registered(tenant, Provider.GCP, account, "i-1", "enr-1", t0),
                        PatchResults.registered(tenant, Provider.GCP, account, "i-2", "enr-2", t0)));
        publishPatchResults(List.of(
                reported(tenant, account, "i-1", t0.plusSeconds(60)),
                reported(tenant, account, "i-2", t0.plusSeconds(60))));
        awaitInstances(tenant, 2);

        // when i-1 is retired
        Instant retiredAt = t0.plus(Duration.ofMinutes(30));
        publish(Topics.INSTANCE_RETIRED.name(), key, List.of(retired(tenant, account, "i-1", "enr-1", retiredAt)));

        // then the figures count only i-2, and the list shows i-1 as RETIRED with its time and reason
        JsonNode summary = awaitInstances(tenant, 1);
        assertThat(summary.at("/totals/online").asInt()).isEqualTo(1);
        JsonNode retired = listed(tenant, "i-1");
        assertThat(retired.get("status").asText()).isEqualTo("RETIRED");
        assertThat(retired.get("activationStage").asText()).isEqualTo("RETIRED");
        assertThat(Instant.parse(retired.get("retiredAt").asText())).isEqualTo(retiredAt);
        assertThat(retired.get("retirementReason").asText()).isEqualTo("CONNECTION_LOST");
        assertThat(listed(tenant, "i-2").get("status").asText()).isEqualTo("ACTIVE");

        // when late patch results arrive, one observed before the retirement and one after it, and the retirement
        // is delivered again
        publishPatchResults(List.of(
                reported(tenant, account, "i-1", retiredAt.minusSeconds(10)),
                reported(tenant, account, "i-1", retiredAt.plusSeconds(10))));
        publish(Topics.INSTANCE_RETIRED.name(), key, List.of(retired(tenant, account, "i-1", "enr-1", retiredAt)));
        awaitPartitionDrained(Provider.GCP, account);

        // then nothing comes back
        assertThat(summary(tenant).at("/totals/instances").asInt()).isEqualTo(1);
        assertThat(listed(tenant, "i-1").get("status").asText()).isEqualTo("RETIRED");

        // when the same VM enrolls again, later
        publish(
                Topics.INSTANCE_ACTIVATED.name(),
                key,
                List.of(PatchResults.registered(
                        tenant, Provider.GCP, account, "i-1", "enr-3", retiredAt.plusSeconds(60))));

        // then it counts again
        awaitInstances(tenant, 2);
        assertThat(listed(tenant, "i-1").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(listed(tenant, "i-1").get("retiredAt").isNull()).isTrue();
    }

    private static io.crosspatch.events.PatchResult reported(
            String tenant, String account, String instanceId, Instant at) {
        return state(
                tenant,
                Provider.GCP,
                account,
                instanceId,
                at,
                patches(3, 1, 0, at),
                true,
                true,
                OperationOutcome.SUCCEEDED);
    }

    private static InstanceRetired retired(
            String tenant, String account, String instanceId, String enrollmentId, Instant at) {
        return InstanceRetired.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setTenantId(tenant)
                .setProvider(Provider.GCP)
                .setCloudAccountId(account)
                .setInstanceId(instanceId)
                .setSystemAccountId("210987654321")
                .setEnrollmentId(enrollmentId)
                .setManagedInstanceId("mi-0123456789abcdef0")
                .setReason(RetirementReason.CONNECTION_LOST)
                .build();
    }

    private JsonNode summary(String tenant) {
        return api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                .json();
    }

    private JsonNode awaitInstances(String tenant, int instances) {
        return Awaitility.await()
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> summary(tenant),
                        summary -> summary.at("/totals/instances").asInt() == instances);
    }

    private JsonNode listed(String tenant, String instanceId) {
        for (JsonNode instance : api.get("/v1/tenants/" + tenant + "/instances", TestTokens.forTenant(tenant))
                .json()
                .get("instances")) {
            if (instance.get("instanceId").asText().equals(instanceId)) {
                return instance;
            }
        }
        throw new AssertionError("instance " + instanceId + " is not listed");
    }
}
