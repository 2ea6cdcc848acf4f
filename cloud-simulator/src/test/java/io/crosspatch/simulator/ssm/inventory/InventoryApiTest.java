package io.crosspatch.simulator.ssm.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.InvalidTypeNameException;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesResponse;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * AWS-GatherSoftwareInventory and ListInventoryEntries over the real SDK, on a simulator of the test's own (its
 * clock is the test's to advance): what a gather finds per OS, pagination, capture times that move only when the
 * content changed, nodes registered after the association, and the API's errors.
 */
class InventoryApiTest {

    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "eu-west-1";
    private static final String ROLE = "CrosspatchSsmServiceRole";

    private CloudSimulator simulator;
    private SsmClient ssm;
    private SimulatorControl control;

    @BeforeEach
    void startSimulator() {
        simulator = CloudSimulator.start(SimulatorConfig.defaults().rateLimitsEnabled(false));
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                simulator.managementCredentials().accessKeyId(),
                simulator.managementCredentials().secretAccessKey()));
        ssm = SsmClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(keys)
                .build();
        try (IamClient iam = IamClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(keys)
                .build()) {
            iam.createRole(
                    r -> r.roleName(ROLE)
                            .assumeRolePolicyDocument(
                                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ssm.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
        control = new SimulatorControl(simulator.endpoint());
    }

    @AfterEach
    void stopSimulator() {
        ssm.close();
        simulator.close();
    }

    @Test
    void shouldGatherEachOsFamilysSoftwareWhenTheAssociationRunsAndMatchGroundTruth() throws Exception {
        // given an Ubuntu and a Windows node, and the inventory association on every node
        CreateActivationResponse activation = activation();
        String ubuntu = register(activation, "web-1", "Ubuntu", "22.04");
        String windows = register(activation, "win-1", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");
        createInventoryAssociation();

        // when the clock ticks
        simulator.context().clock().tick();

        // then each node has its OS's applications, kernel included, read page by page as the ground truth has them
        List<Map<String, String>> ubuntuApps = allEntries(ubuntu, "AWS:Application", 7);
        assertThat(ubuntuApps).extracting(e -> e.get("Name")).contains("apt", "linux-image-generic");
        assertThat(ubuntuApps).hasSizeGreaterThan(30);
        List<Map<String, String>> windowsApps = allEntries(windows, "AWS:Application", 50);
        assertThat(windowsApps).extracting(e -> e.get("Name")).contains("Amazon SSM Agent");
        assertThat(windowsApps).extracting(e -> e.get("Name")).doesNotContain("apt");
        JsonNode truth = control.inventory(ACCOUNT, REGION);
        assertThat(truth).hasSize(2);
        for (JsonNode node : truth) {
            List<Map<String, String>> listed = allEntries(node.get("InstanceId").asText(), "AWS:Application", 50);
            assertThat(listed)
                    .hasSize(node.get("AWS:Application").get("Entries").size());
        }
        ListInventoryEntriesResponse info =
                ssm.listInventoryEntries(r -> r.instanceId(ubuntu).typeName("AWS:InstanceInformation"));
        assertThat(info.entries()).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("PlatformName", "Ubuntu").containsEntry("PlatformVersion", "22.04");
            assertThat(entry).containsEntry("ComputerName", "web-1").containsKey("AgentVersion");
        });
        assertThat(info.schemaVersion()).isEqualTo("1.0");
        assertThat(info.captureTime()).matches("^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$");
        assertThat(ssm.listInventoryEntries(r -> r.instanceId(ubuntu).typeName("AWS:Network"))
                        .entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry).containsKeys("IPV4", "MacAddress"));
        // and a filter narrows the entries
        assertThat(ssm.listInventoryEntries(r -> r.instanceId(ubuntu)
                                .typeName("AWS:Application")
                                .filters(
                                        f -> f.key("Name").values("linux-image").type("BeginWith")))
                        .entries())
                .extracting(e -> e.get("Name"))
                .containsExactly("linux-image-generic");
    }

    @Test
    void shouldKeepTheCaptureTimeWhileNothingChangedAndMoveItWhenSoftwareIsInstalled() throws Exception {
        String node = register(activation(), "db-1", "Red Hat Enterprise Linux", "9.3");
        createInventoryAssociation();
        simulator.context().clock().tick();
        String first = captureTime(node, "AWS:Application");

        // when the daily run finds the same software, the capture time stays
        simulator.context().clock().advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(captureTime(node, "AWS:Application")).isEqualTo(first);

        // when an application is installed, the next run reports it with a new capture time
        control.installApplication(ACCOUNT, REGION, node, "postgresql-server", "15.4-1.el9", "Red Hat, Inc.");
        assertThat(allEntries(node, "AWS:Application", 50))
                .extracting(e -> e.get("Name"))
                .doesNotContain("postgresql-server");
        simulator.context().clock().advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(captureTime(node, "AWS:Application")).isNotEqualTo(first);
        assertThat(allEntries(node, "AWS:Application", 50))
                .filteredOn(e -> "postgresql-server".equals(e.get("Name")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("Version", "15.4-1.el9"));
        assertThat(captureTime(node, "AWS:InstanceInformation")).isEqualTo(first);
    }

    @Test
    void shouldGatherANodeRegisteredAfterTheAssociationAtTheNextTick() throws Exception {
        CreateActivationResponse activation = activation();
        createInventoryAssociation();
        simulator.context().clock().tick();
        String late = register(activation, "late-1", "Ubuntu", "22.04");
        assertThat(ssm.listInventoryEntries(r -> r.instanceId(late).typeName("AWS:Application"))
                        .entries())
                .isEmpty();

        simulator.context().clock().tick();

        assertThat(ssm.listInventoryEntries(r -> r.instanceId(late).typeName("AWS:Application"))
                        .entries())
                .isNotEmpty();
    }

    @Test
    void shouldAnswerAwsErrorsForBadRequests() throws Exception {
        String node = register(activation(), "web-2", "Ubuntu", "22.04");
        createInventoryAssociation();
        simulator.context().clock().tick();

        assertThatThrownBy(() -> ssm.listInventoryEntries(
                        r -> r.instanceId("mi-0123456789abcdef0").typeName("AWS:Application")))
                .isInstanceOf(InvalidInstanceIdException.class);
        assertThatThrownBy(
                        () -> ssm.listInventoryEntries(r -> r.instanceId(node).typeName("AWS:Bogus")))
                .isInstanceOf(InvalidTypeNameException.class);
        assertThatThrownBy(
                        () -> ssm.listInventoryEntries(r -> r.instanceId(node).typeName("Application")))
                .isInstanceOf(SsmException.class)
                .hasMessageContaining("typeName");
        assertThatThrownBy(() -> ssm.listInventoryEntries(
                        r -> r.instanceId(node).typeName("AWS:Application").maxResults(51)))
                .isInstanceOf(SsmException.class)
                .hasMessageContaining("maxResults");
        assertThatThrownBy(() -> ssm.listInventoryEntries(
                        r -> r.instanceId(node).typeName("AWS:Application").nextToken("forged")))
                .isInstanceOf(InvalidNextTokenException.class);
        assertThatThrownBy(() -> ssm.listInventoryEntries(r -> r.instanceId(node)
                        .typeName("AWS:Application")
                        .filters(f -> f.key("Colour").values("blue"))))
                .isInstanceOf(SsmException.class)
                .satisfies(e -> assertThat(((SsmException) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidFilter"));
        // a type this simulator never gathers is valid and lists nothing
        assertThat(ssm.listInventoryEntries(r -> r.instanceId(node).typeName("AWS:File"))
                        .entries())
                .isEmpty();
    }

    private List<Map<String, String>> allEntries(String instanceId, String type, int pageSize) {
        List<Map<String, String>> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListInventoryEntriesResponse page = ssm.listInventoryEntries(r ->
                    r.instanceId(instanceId).typeName(type).maxResults(pageSize).nextToken(next));
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.entries());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private String captureTime(String instanceId, String type) {
        return ssm.listInventoryEntries(
                        r -> r.instanceId(instanceId).typeName(type).maxResults(1))
                .captureTime();
    }

    private void createInventoryAssociation() {
        ssm.createAssociation(r -> r.name("AWS-GatherSoftwareInventory")
                .associationName("crosspatch-inventory")
                .targets(t -> t.key("InstanceIds").values("*"))
                .scheduleExpression("rate(1 day)")
                .parameters(Map.of("applications", List.of("Enabled"))));
    }

    private CreateActivationResponse activation() {
        return ssm.createActivation(r -> r.iamRole(ROLE).registrationLimit(5).defaultInstanceName("inventory"));
    }

    private String register(CreateActivationResponse activation, String hostname, String platform, String version)
            throws Exception {
        String body = Http.JSON
                .createObjectNode()
                .put("activationCode", activation.activationCode())
                .put("activationId", activation.activationId())
                .put("region", REGION)
                .put("hostname", hostname)
                .put("ipAddress", "10.0.0.17")
                .put("platformName", platform)
                .put("platformVersion", version)
                .toString();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(simulator.endpoint() + SimulatorPaths.AGENT_REGISTER))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return Http.JSON.readTree(response.body()).get("instanceId").asText();
    }
}
