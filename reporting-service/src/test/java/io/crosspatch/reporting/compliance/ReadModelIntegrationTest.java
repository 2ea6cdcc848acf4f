package io.crosspatch.reporting.compliance;

import static io.crosspatch.reporting.support.PatchResults.patches;
import static io.crosspatch.reporting.support.PatchResults.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.Provider;
import io.crosspatch.reporting.support.PatchResults;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import io.crosspatch.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The read model built from real events through Kafka: idempotent, order-independent, restartable. */
class ReadModelIntegrationTest extends ReportingIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    private CqlSession cassandra;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void summarisesEachCloudAccountFromItsInstancesStates() {
        String tenant = uniqueTenant("acme");
        publishPatchResults(List.of(
                state(
                        tenant,
                        Provider.GCP,
                        "acme-prod",
                        "i-1",
                        T0,
                        patches(5, 2, 0, T0),
                        true,
                        true,
                        OperationOutcome.SUCCEEDED),
                state(
                        tenant,
                        Provider.GCP,
                        "acme-prod",
                        "i-2",
                        T0,
                        patches(7, 0, 1, T0),
                        false,
                        false,
                        OperationOutcome.FAILED),
                state(
                        tenant,
                        Provider.AZURE,
                        "sub-1",
                        "vm-1",
                        T0,
                        patches(3, 0, 0, T0),
                        true,
                        true,
                        OperationOutcome.SUCCEEDED)));
        publish(
                Topics.INSTANCE_ACTIVATED.name(),
                "gcp:acme-prod",
                List.of(PatchResults.registered(tenant, Provider.GCP, "acme-prod", "i-3", "enr-3", T0)));

        JsonNode summary = awaitSummary(tenant, 4);

        JsonNode gcp = account(summary, "gcp", "acme-prod");
        assertThat(gcp.get("cloudAccountName").asText()).isEqualTo("Account acme-prod");
        assertThat(gcp.at("/figures/instances").asInt()).isEqualTo(3);
        assertThat(gcp.at("/figures/online").asInt()).isEqualTo(1);
        assertThat(gcp.at("/figures/unknownPatchState").asInt()).isEqualTo(1);
        assertThat(gcp.at("/figures/pendingOsUpdates").asInt()).isEqualTo(2);
        assertThat(gcp.at("/figures/instancesWithPendingOsUpdates").asInt()).isEqualTo(1);
        assertThat(gcp.at("/figures/pendingAgentUpdates").asInt()).isEqualTo(1);
        assertThat(gcp.at("/figures/lastRun/succeeded").asInt()).isEqualTo(1);
        assertThat(gcp.at("/figures/lastRun/failed").asInt()).isEqualTo(1);
        assertThat(gcp.at("/figures/lastRun/successRate").asDouble()).isEqualTo(0.5);
        assertThat(summary.at("/totals/instances").asInt()).isEqualTo(4);
        assertThat(summary.at("/totals/online").asInt()).isEqualTo(2);
    }

    @Test
    void sameEventsTwiceLeaveIdenticalTables() {
        String tenant = uniqueTenant("twice");
        List<PatchResult> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(state(
                    tenant,
                    Provider.AWS,
                    "123456789012",
                    "i-" + i,
                    T0.plusSeconds(i),
                    patches(i % 4, i % 3, i % 2, T0),
                    i % 5 != 0,
                    i % 7 != 0,
                    OperationOutcome.SUCCEEDED));
        }
        publishPatchResults(events);
        awaitSummary(tenant, 20);
        awaitPartitionDrained(Provider.AWS, "123456789012");
        String summaryOnce = api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                .body();
        List<String> tablesOnce = tables(tenant);

        publishPatchResults(events);
        awaitPartitionDrained(Provider.AWS, "123456789012");

        assertThat(api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                        .body())
                .isEqualTo(summaryOnce);
        assertThat(tables(tenant)).isEqualTo(tablesOnce);
    }

    @Test
    void newestStateWinsWhateverOrderTheEventsArriveIn() {
        String tenant = uniqueTenant("shuffled");
        List<PatchResult> states = new ArrayList<>();
        for (int version = 0; version < 8; version++) {
            states.add(state(
                    tenant,
                    Provider.VMWARE,
                    "vc-1",
                    "vm-42",
                    T0.plus(version, ChronoUnit.MINUTES),
                    patches(version, 8 - version, 0, T0),
                    version % 2 == 0,
                    true,
                    OperationOutcome.SUCCEEDED));
        }
        PatchResult newest = states.get(7);
        List<PatchResult> shuffled = new ArrayList<>(states);
        Collections.shuffle(shuffled, new Random(7));
        Collections.swap(shuffled, shuffled.indexOf(newest), 0);

        publishPatchResults(shuffled);
        awaitPartitionDrained(Provider.VMWARE, "vc-1");

        JsonNode summary = api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                .json();
        assertThat(summary.at("/totals/instances").asInt()).isEqualTo(1);
        assertThat(summary.at("/totals/pendingOsUpdates").asInt()).isEqualTo(1);
        assertThat(summary.at("/totals/online").asInt()).isEqualTo(0);
        JsonNode updates = api.get("/v1/tenants/" + tenant + "/instances/vm-42/updates", TestTokens.forTenant(tenant))
                .json();
        assertThat(updates.get("updates")).hasSize(8);
        assertThat(updates.get("stateObservedAt").asText())
                .isEqualTo(newest.getOccurredAt().toString());
    }

    @Test
    void activationCountsTheInstanceAndClearsItsEnrollmentsOlderFailure() {
        String tenant = uniqueTenant("enrolling");
        publish(
                Topics.ENROLLMENT_FAILED.name(),
                "enr-1",
                List.of(
                        PatchResults.failed(tenant, Provider.GCP, "p-1", "enr-1", T0),
                        PatchResults.failed(tenant, Provider.GCP, "p-1", "enr-2", T0)));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                api.get("/v1/tenants/" + tenant + "/enrollment-failures", TestTokens.forTenant(tenant))
                                        .json())
                        .hasSize(2));

        publish(
                Topics.INSTANCE_ACTIVATED.name(),
                "gcp:p-1",
                List.of(PatchResults.registered(tenant, Provider.GCP, "p-1", "i-1", "enr-1", T0.plusSeconds(60))));

        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode failures = api.get("/v1/tenants/" + tenant + "/enrollment-failures", TestTokens.forTenant(tenant))
                    .json();
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).get("enrollmentId").asText()).isEqualTo("enr-2");
            assertThat(failures.get(0).get("reasonCode").asText()).isEqualTo("EMAIL_ALREADY_EXISTS");
        });
        JsonNode updates = api.get("/v1/tenants/" + tenant + "/instances/i-1/updates", TestTokens.forTenant(tenant))
                .json();
        assertThat(updates.get("patchStateKnown").asBoolean()).isFalse();
        assertThat(updates.get("activationStage").asText()).isEqualTo("REGISTERED");
        assertThat(awaitSummary(tenant, 1).at("/totals/unknownPatchState").asInt())
                .isEqualTo(1);
    }

    @Test
    void eventsPublishedWhileStoppedAreStoredAfterRestartOnce() {
        String tenant = uniqueTenant("restart");
        MessageListenerContainer container = listeners.getListenerContainer("reporting-patch-results");
        container.stop();
        try {
            publishPatchResults(List.of(
                    state(
                            tenant,
                            Provider.AWS,
                            "210000000001",
                            "i-a",
                            T0,
                            patches(1, 3, 0, T0),
                            true,
                            true,
                            OperationOutcome.SUCCEEDED),
                    state(
                            tenant,
                            Provider.AWS,
                            "210000000001",
                            "i-b",
                            T0,
                            patches(1, 1, 0, T0),
                            true,
                            true,
                            OperationOutcome.SUCCEEDED)));
            assertThat(api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                            .json()
                            .at("/totals/instances")
                            .asInt())
                    .isZero();
        } finally {
            container.start();
        }

        JsonNode summary = awaitSummary(tenant, 2);
        awaitPartitionDrained(Provider.AWS, "210000000001");

        assertThat(summary.at("/totals/pendingOsUpdates").asInt()).isEqualTo(4);
        assertThat(api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                        .json()
                        .at("/totals/instances")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void pagesThroughTheInstanceListWithOpaqueTokens() {
        String tenant = uniqueTenant("paging");
        List<PatchResult> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(state(tenant, Provider.GCP, "pg-1", "i-" + i, T0, patches(1, 0, 0, T0), true, true, null));
        }
        events.add(state(tenant, Provider.GCP, "pg-2", "other", T0, patches(1, 0, 0, T0), true, true, null));
        publishPatchResults(events);
        awaitSummary(tenant, 6);
        String token = TestTokens.forTenant(tenant);

        List<String> seen = new ArrayList<>();
        String pageToken = null;
        do {
            JsonNode page = api.get(
                            "/v1/tenants/" + tenant + "/instances?provider=gcp&cloudAccountId=pg-1&pageSize=2"
                                    + (pageToken == null ? "" : "&pageToken=" + pageToken),
                            token)
                    .json();
            page.get("instances")
                    .forEach(instance -> seen.add(instance.get("instanceId").asText()));
            pageToken =
                    page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);

        assertThat(seen).containsExactlyInAnyOrder("i-0", "i-1", "i-2", "i-3", "i-4");
        assertThat(api.get("/v1/tenants/" + tenant + "/instances?patchGroup=on-time", token)
                        .json()
                        .get("instances"))
                .hasSize(6);
        assertThat(api.get("/v1/tenants/" + tenant + "/instances?patchGroup=early", token)
                        .json()
                        .get("instances"))
                .isEmpty();
    }

    @Test
    void refusesGarbledPageTokensAndBadFilters() {
        String tenant = uniqueTenant("bad-input");
        String token = TestTokens.forTenant(tenant);

        var garbled = api.get("/v1/tenants/" + tenant + "/instances?pageToken=not-a-token", token);
        var badProvider = api.get("/v1/tenants/" + tenant + "/instances?provider=oracle", token);
        var badSize = api.get("/v1/tenants/" + tenant + "/instances?pageSize=100000", token);

        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().get("error").asText()).isEqualTo("INVALID_PAGE_TOKEN");
        assertThat(badProvider.status()).isEqualTo(400);
        assertThat(badProvider.json().get("error").asText()).isEqualTo("INVALID_PROVIDER");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("error").asText()).isEqualTo("INVALID_PAGE_SIZE");
    }

    @Test
    void aReEnrolledInstanceShowsOnlyItsNewNodeAndIgnoresTheOldNodesLateResults() {
        // given an instance registered as mi-old that reported a patch state
        String tenant = uniqueTenant("reenrolled");
        String account = "reenrolled-prod";
        String oldNode = "mi-00000000000000a01";
        String newNode = "mi-00000000000000b02";
        publish(
                Topics.INSTANCE_ACTIVATED.name(),
                "gcp:" + account,
                List.of(registeredAs(tenant, account, "enr-1", oldNode, null, T0)));
        publishPatchResults(List.of(resultOf(tenant, account, oldNode, T0.plusSeconds(10))));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(instance(tenant).get("patchStateKnown").asBoolean())
                                .isTrue());

        // when the VM re-enrolls: its new node registers, replacing the old one, which then reports once more, late
        publish(
                Topics.INSTANCE_ACTIVATED.name(),
                "gcp:" + account,
                List.of(registeredAs(tenant, account, "enr-2", newNode, oldNode, T0.plusSeconds(60))));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                instance(tenant).get("managedInstanceId").asText())
                        .isEqualTo(newNode));
        publishPatchResults(List.of(resultOf(tenant, account, oldNode, T0.plusSeconds(120))));
        awaitPartitionDrained(Provider.GCP, account);

        // then the tenant has one instance, on the new node, whose patch state is unknown until the new node reports
        JsonNode instance = instance(tenant);
        assertThat(instance.get("managedInstanceId").asText()).isEqualTo(newNode);
        assertThat(instance.get("patchStateKnown").asBoolean()).isFalse();
        assertThat(awaitSummary(tenant, 1).at("/totals/unknownPatchState").asInt())
                .isEqualTo(1);

        // and the new node's own result is shown
        publishPatchResults(List.of(resultOf(tenant, account, newNode, T0.plusSeconds(180))));
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode current = instance(tenant);
            assertThat(current.get("managedInstanceId").asText()).isEqualTo(newNode);
            assertThat(current.get("patchStateKnown").asBoolean()).isTrue();
        });
        assertThat(awaitSummary(tenant, 1).at("/totals/instances").asInt()).isEqualTo(1);
    }

    /** The tenant's only instance, as the instance list shows it. */
    private JsonNode instance(String tenant) {
        JsonNode page = api.get("/v1/tenants/" + tenant + "/instances", TestTokens.forTenant(tenant))
                .json();
        assertThat(page.get("instances")).hasSize(1);
        return page.get("instances").get(0);
    }

    private static io.crosspatch.events.InstanceActivated registeredAs(
            String tenant, String account, String enrollmentId, String node, String replaces, Instant at) {
        io.crosspatch.events.InstanceActivated event =
                PatchResults.registered(tenant, Provider.GCP, account, "vm-1", enrollmentId, at);
        event.getRegistration().setManagedInstanceId(node);
        event.getRegistration().setReplacesManagedInstanceId(replaces);
        return event;
    }

    private static PatchResult resultOf(String tenant, String account, String node, Instant at) {
        return PatchResult.newBuilder(state(
                        tenant,
                        Provider.GCP,
                        account,
                        "vm-1",
                        at,
                        patches(4, 1, 0, at),
                        true,
                        true,
                        OperationOutcome.SUCCEEDED))
                .setManagedInstanceId(node)
                .build();
    }

    private JsonNode awaitSummary(String tenant, int instances) {
        return Awaitility.await()
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                                .json(),
                        summary -> summary.at("/totals/instances").asInt() == instances);
    }

    private static JsonNode account(JsonNode summary, String provider, String accountId) {
        for (JsonNode row : summary.get("accounts")) {
            if (row.get("provider").asText().equals(provider)
                    && row.get("cloudAccountId").asText().equals(accountId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + provider + ":" + accountId + " in " + summary);
    }

    /** Every stored row of the tenant, as text, in key order. */
    private List<String> tables(String tenant) {
        List<String> rows = new ArrayList<>();
        for (String table :
                List.of("instances", "instance_updates", "bucket_figures", "account_figures", "enrollment_failures")) {
            cassandra
                    .execute("SELECT JSON * FROM " + table + " WHERE tenant_id = ? ALLOW FILTERING", tenant)
                    .forEach(row -> rows.add(table + " " + row.getString(0)));
        }
        return rows;
    }
}
