package io.crosspatch.reporting.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.InstalledApplication;
import io.crosspatch.events.InstanceInventory;
import io.crosspatch.events.Provider;
import io.crosspatch.reporting.support.Api;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * instance.inventory into the read model and out of the inventory API: the newest inventory wins whatever order and
 * however often they arrive; the application list is searched by name substring, paged and bounded; another
 * tenant's instance is not visible.
 */
class InventoryApiIntegrationTest extends ReportingIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void servesTheNewestInventoryWhateverTheOrderAndDuplicates() {
        String tenant = uniqueTenant("inv");
        InstanceInventory older = inventory(tenant, "vm-1", T0, List.of("openssl", "curl"), "6.8.0-40.1");
        InstanceInventory newer =
                inventory(tenant, "vm-1", T0.plusSeconds(3600), List.of("openssl", "curl", "nginx"), "6.8.0-45.1");

        // the newer one first, then the older one and a duplicate of the newer one; then a marker on the same
        // cloud account key (so the same partition): once it is visible, the three before it are stored
        InstanceInventory marker = inventory(tenant, "vm-marker", T0, List.of("bash"), "6.8.0-40.1");
        publishInventories(List.of(newer, older, newer, marker));

        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get(
                                        "/v1/tenants/" + tenant + "/instances/vm-marker/inventory",
                                        TestTokens.forTenant(tenant))
                                .status())
                        .isEqualTo(200));
        JsonNode view = api.get("/v1/tenants/" + tenant + "/instances/vm-1/inventory", TestTokens.forTenant(tenant))
                .json();
        assertThat(view.get("kernelVersion").asText()).isEqualTo("6.8.0-45.1");
        assertThat(view.get("osName").asText()).isEqualTo("Ubuntu");
        assertThat(view.get("osVersion").asText()).isEqualTo("22.04");
        assertThat(view.get("applicationCount").asInt()).isEqualTo(3);
        assertThat(view.get("applicationsTruncated").asBoolean()).isFalse();
        assertThat(view.get("provider").asText()).isEqualTo("gcp");
        assertThat(api.get("/v1/tenants/" + tenant + "/instances/vm-1/applications", TestTokens.forTenant(tenant))
                        .json()
                        .get("applications"))
                .extracting(a -> a.get("name").asText())
                .containsExactly("curl", "nginx", "openssl");
    }

    @Test
    void searchesApplicationsByNameSubstringInPagesAndRefusesUnboundedInput() {
        String tenant = uniqueTenant("search");
        List<String> names = new ArrayList<>(IntStream.range(0, 30)
                .mapToObj(i -> String.format(Locale.ROOT, "lib-%02d", i))
                .toList());
        names.addAll(List.of("python3", "python3-pip", "PyYAML"));
        publishInventories(List.of(inventory(tenant, "vm-2", T0, names, "5.14.0-362.el9")));
        String token = TestTokens.forTenant(tenant);
        String base = "/v1/tenants/" + tenant + "/instances/vm-2/applications";
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get(base, token).status()).isEqualTo(200));

        // a case-insensitive substring finds prefixes and inner matches
        JsonNode py = api.get(base + "?q=PY", token).json();
        assertThat(py.get("matches").asInt()).isEqualTo(3);
        assertThat(py.get("applications"))
                .extracting(a -> a.get("name").asText())
                .containsExactly("PyYAML", "python3", "python3-pip");
        assertThat(api.get(base + "?q=3-p", token).json().get("matches").asInt())
                .isEqualTo(1);

        // pages follow the token to the end
        List<String> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = api.get(base + "?q=lib&pageSize=7" + (next == null ? "" : "&pageToken=" + next), token)
                    .json();
            page.get("applications").forEach(a -> paged.add(a.get("name").asText()));
            next = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
            pages++;
        } while (next != null);
        assertThat(paged).hasSize(30).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(5);

        // bounds: page size, query length, forged tokens are refused with stable codes, never a 5xx
        assertError(api.get(base + "?pageSize=501", token), "INVALID_PAGE_SIZE");
        assertError(api.get(base + "?pageSize=0", token), "INVALID_PAGE_SIZE");
        assertError(api.get(base + "?q=" + "a".repeat(129), token), "INVALID_QUERY");
        assertError(api.get(base + "?pageToken=forged", token), "INVALID_PAGE_TOKEN");
        assertError(api.get(base + "?provider=ibm", token), "INVALID_PROVIDER");
    }

    @Test
    void anotherTenantsInstanceIsNotVisible() {
        String alpha = uniqueTenant("alpha");
        String beta = uniqueTenant("beta");
        publishInventories(List.of(inventory(beta, "beta-vm", T0, List.of("secret-app"), "6.8.0-40.1")));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get(
                                        "/v1/tenants/" + beta + "/instances/beta-vm/inventory",
                                        TestTokens.forTenant(beta))
                                .status())
                        .isEqualTo(200));

        // alpha's token on beta's tenant: forbidden
        for (String path : List.of("/instances/beta-vm/inventory", "/instances/beta-vm/applications")) {
            Api.Response response = api.get("/v1/tenants/" + beta + path, TestTokens.forTenant(alpha));
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.body()).doesNotContain("secret-app");
        }
        // beta's instance id inside alpha's tenant: not found, and nothing of beta's leaks
        for (String path : List.of("/instances/beta-vm/inventory", "/instances/beta-vm/applications?q=secret")) {
            Api.Response response = api.get("/v1/tenants/" + alpha + path, TestTokens.forTenant(alpha));
            assertError(response, "INSTANCE_NOT_FOUND");
            assertThat(response.body()).doesNotContain("secret-app");
        }
    }

    private static void assertError(Api.Response response, String code) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.json().get("error").asText()).isEqualTo(code);
    }

    private void publishInventories(List<InstanceInventory> inventories) {
        for (InstanceInventory inventory : inventories) {
            publish(
                    Topics.INSTANCE_INVENTORY.name(),
                    Providers.accountKey(inventory.getProvider(), inventory.getCloudAccountId())
                            .toString(),
                    List.of(inventory));
        }
    }

    private static InstanceInventory inventory(
            String tenant, String instanceId, Instant at, List<String> names, String kernel) {
        List<InstalledApplication> applications = names.stream()
                .sorted()
                .map(name -> new InstalledApplication(name, "1.0", "Canonical"))
                .toList();
        return InstanceInventory.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setTenantId(tenant)
                .setProvider(Provider.GCP)
                .setCloudAccountId(tenant + "-prod")
                .setInstanceId(instanceId)
                .setManagedInstanceId("mi-0123456789abcdef0")
                .setSystemAccountId("123456789012")
                .setHostname("host-" + instanceId)
                .setPlatformType("Linux")
                .setPlatformName("Ubuntu")
                .setPlatformVersion("22.04")
                .setKernelVersion(kernel)
                .setIpAddress("10.0.0.17")
                .setAgentVersion("3.3.987.0")
                .setApplicationsCapturedAt(at)
                .setApplicationCount(applications.size())
                .setApplicationsTruncated(false)
                .setApplications(applications)
                .build();
    }
}
