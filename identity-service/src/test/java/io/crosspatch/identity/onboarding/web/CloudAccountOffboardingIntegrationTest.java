package io.crosspatch.identity.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AccountOffboarded;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.testbed.Testbed;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The admin offboarding API: a tenant offboards its own accounts (one, or all with the tenant), idempotently, and
 * {@code account.offboarded} says so; nobody offboards another tenant's account; the account may be onboarded again.
 */
class CloudAccountOffboardingIntegrationTest extends IngressIntegrationTest {

    @Test
    void shouldOffboardAnAccountOnceAndAnswerARepeatTheSame() {
        // given
        String tenant = unique("tenant");
        String project = unique("acme");
        assertThat(onboard(tenant, project).statusCode()).isEqualTo(201);

        // when
        HttpResponse<String> first = offboard(tenant, project, AdminTokens.admin());
        HttpResponse<String> again = offboard(tenant, project, AdminTokens.admin());

        // then
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(Api.tree(first).get("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(Api.tree(first).get("requestedBy").asText()).isEqualTo(AdminTokens.SUBJECT);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(Api.tree(again).get("offboardedAt"))
                .isEqualTo(Api.tree(first).get("offboardedAt"));
        assertThat(Api.tree(api().get("/v1/admin/tenants/" + tenant + "/cloud-accounts", AdminTokens.admin())))
                .isEmpty();
        List<AccountOffboarded> events = offboardedEvents("gcp:" + project, 2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getTenantId()).isEqualTo(tenant);
            assertThat(event.getRequestedBy()).isEqualTo(AdminTokens.SUBJECT);
            assertThat(event.getTenantOffboarded()).isFalse();
        });
    }

    @Test
    void shouldNotLetATenantOffboardAnotherTenantsAccount() {
        // given
        String owner = unique("owner");
        String project = unique("victim");
        onboard(owner, project);

        // when
        HttpResponse<String> foreign = offboard(unique("mallory"), project, AdminTokens.admin());

        // then
        assertError(foreign, 404, "CLOUD_ACCOUNT_NOT_FOUND");
        assertThat(Api.tree(api().get("/v1/admin/tenants/" + owner + "/cloud-accounts", AdminTokens.admin())))
                .hasSize(1);
        assertError(offboard(owner, unique("never"), AdminTokens.admin()), 404, "CLOUD_ACCOUNT_NOT_FOUND");
    }

    @Test
    void shouldOffboardEveryAccountOfATenantAndLetTheAccountsBeOnboardedAgain() {
        // given
        String tenant = unique("leaving");
        String first = unique("one");
        String second = unique("two");
        onboard(tenant, first);
        onboard(tenant, second);

        // when
        HttpResponse<String> offboarded = delete("/v1/admin/tenants/" + tenant, AdminTokens.admin());

        // then
        assertThat(offboarded.statusCode()).as(offboarded.body()).isEqualTo(202);
        assertThat(Api.tree(offboarded))
                .extracting(view -> view.get("cloudAccountKey").asText())
                .containsExactlyInAnyOrder("gcp:" + first, "gcp:" + second);
        assertThat(offboardedEvents("gcp:" + first, 1).get(0).getTenantOffboarded())
                .isTrue();
        assertThat(Api.tree(api().get("/v1/admin/tenants/" + tenant + "/cloud-accounts", AdminTokens.admin())))
                .isEmpty();
        assertThat(delete("/v1/admin/tenants/" + tenant, AdminTokens.admin()).statusCode())
                .isEqualTo(202);

        // and another tenant may onboard one of them afresh
        assertThat(onboard(unique("newcomer"), first).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRequireTheAdminRoleAndValidPaths() {
        String tenant = unique("tenant");
        String project = unique("acme");
        onboard(tenant, project);
        assertError(offboard(tenant, project, null), 401, "UNAUTHENTICATED");
        assertError(offboard(tenant, project, AdminTokens.withoutAdminRole()), 403, "FORBIDDEN");
        assertError(delete("/v1/admin/tenants/" + tenant, AdminTokens.withoutAdminRole()), 403, "FORBIDDEN");
        assertError(
                delete("/v1/admin/tenants/" + tenant + "/cloud-accounts/oracle/x1", AdminTokens.admin()),
                400,
                "UNKNOWN_PROVIDER");
        assertError(delete("/v1/admin/tenants/" + "t".repeat(65), AdminTokens.admin()), 400, "INVALID_TENANT");
        assertThat(Api.tree(api().get("/v1/admin/tenants/" + tenant + "/cloud-accounts", AdminTokens.admin())))
                .hasSize(1);
    }

    private Api api() {
        return newSource();
    }

    private HttpResponse<String> onboard(String tenant, String project) {
        return api().putJson(
                        "/v1/admin/tenants/" + tenant + "/cloud-accounts/gcp/" + project,
                        Map.of("defaultPatchGroup", "early", "awsRegion", "eu-west-1"),
                        AdminTokens.admin());
    }

    private HttpResponse<String> offboard(String tenant, String project, String token) {
        return delete("/v1/admin/tenants/" + tenant + "/cloud-accounts/gcp/" + project, token);
    }

    private HttpResponse<String> delete(String path, String token) {
        HttpRequest.Builder request = api().builder(path).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api().send(request.build());
    }

    /** Waits for {@code count} {@code account.offboarded} records of the key, read from the start of the topic. */
    private static List<AccountOffboarded> offboardedEvents(String key, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "offboarding-watch-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put("schema.registry.url", Testbed.shared().schemaRegistry().url());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        List<AccountOffboarded> seen = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.ACCOUNT_OFFBOARDED.name()));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(key)) {
                        seen.add((AccountOffboarded) record.value());
                    }
                });
                return seen.size() >= count;
            });
        }
        return seen;
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = Api.tree(response);
        assertThat(body.get("error").asText()).isEqualTo(code);
    }
}
