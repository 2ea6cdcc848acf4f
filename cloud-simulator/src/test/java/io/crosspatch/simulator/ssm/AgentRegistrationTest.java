package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.REGION;
import static io.crosspatch.simulator.ssm.SsmFixtures.SSM_ROLE;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.register;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.simulator.SharedSimulator;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.ssm.SsmFixtures.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.DescribeActivationsFilterKeys;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.PlatformType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** Simulated agents registering with activations at {@code /_sim/agent/register}, and what SSM then shows of them. */
class AgentRegistrationTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    private static long registerCalls(String accountId) {
        return SharedSimulator.get().calls().count(accountId, "ssm", "RegisterManagedInstance");
    }

    @Test
    void registeredNodeAppearsWithTheActivationsTagsAndNameAndCountsAgainstItsLimit() {
        // given
        CreateActivationResponse activation =
                activation(ssm, 2, tag("Patch Group", "on-time"), tag("Enrollment", "e-7"));

        // when
        SimResponse response = register(activation, "db-01.example.internal", "Ubuntu", "22.04");

        // then
        assertThat(response.status()).isEqualTo(200);
        String instanceId = response.body().get("instanceId").asText();
        assertThat(instanceId).matches("mi-[0-9a-f]{17}");
        assertThat(response.body().get("accountId").asText()).isEqualTo(SsmFixtures.MANAGEMENT_ACCOUNT);
        InstanceInformation node = nodesOf(activation.activationId()).get(0);
        assertThat(node.instanceId()).isEqualTo(instanceId);
        assertThat(node.computerName()).isEqualTo("db-01.example.internal");
        assertThat(node.name()).startsWith("host-");
        assertThat(node.platformType()).isEqualTo(PlatformType.LINUX);
        assertThat(node.platformName()).isEqualTo("Ubuntu");
        assertThat(node.platformVersion()).isEqualTo("22.04");
        assertThat(node.pingStatusAsString()).isEqualTo("Online");
        assertThat(node.iamRole()).isEqualTo(SSM_ROLE);
        assertThat(node.resourceTypeAsString()).isEqualTo("ManagedInstance");
        assertThat(node.agentVersion()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(ssm.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                                .resourceId(instanceId))
                        .tagList())
                .containsExactly(tag("Patch Group", "on-time"), tag("Enrollment", "e-7"));
        assertThat(ssm.describeActivations(r -> r.filters(f -> f.filterKey(DescribeActivationsFilterKeys.ACTIVATION_IDS)
                                .filterValues(activation.activationId())))
                        .activationList()
                        .get(0)
                        .registrationsCount())
                .isEqualTo(1);
        ManagedNode model = SharedSimulator.get()
                .module(SsmModule.class)
                .state()
                .region(SsmFixtures.MANAGEMENT_ACCOUNT, REGION)
                .node(instanceId)
                .orElseThrow();
        assertThat(model.operatingSystem()).isEqualTo(OperatingSystem.UBUNTU);
        assertThat(model.patchGroup()).contains("on-time");
    }

    @Test
    void refusesWrongCodeUnknownIdAndOtherRegion() {
        CreateActivationResponse activation = activation(ssm, 1);
        CreateActivationResponse wrongCode =
                activation.toBuilder().activationCode("AAAAAAAAAAAAAAAAAAAA").build();
        CreateActivationResponse unknownId = activation.toBuilder()
                .activationId("00000000-0000-4000-8000-000000000000")
                .build();

        assertThat(register(wrongCode, "h1", "Ubuntu", "22.04")
                        .body()
                        .get("error")
                        .asText())
                .isEqualTo("InvalidActivation");
        assertThat(register(unknownId, "h1", "Ubuntu", "22.04")
                        .body()
                        .get("error")
                        .asText())
                .isEqualTo("InvalidActivation");
        SimResponse otherRegion = SsmFixtures.post(
                SimulatorPaths.AGENT_REGISTER, """
                {"activationCode":"%s","activationId":"%s","region":"us-east-1","hostname":"h1","platformName":"Ubuntu"}""".formatted(activation.activationCode(), activation.activationId()));
        assertThat(otherRegion.status()).isEqualTo(400);
        assertThat(otherRegion.body().get("error").asText()).isEqualTo("InvalidActivation");
    }

    @Test
    void countsEachRegistrationAsARegisterManagedInstanceCallOfTheActivationsAccount() {
        // given
        CreateActivationResponse activation = activation(ssm, 1);
        long before = registerCalls(SsmFixtures.MANAGEMENT_ACCOUNT);

        // when one agent registers and a second is refused (the activation's limit is one)
        registerUbuntu(activation);
        register(activation, unique("late"), "Ubuntu", "22.04");

        // then both are calls, as AWS counts them
        assertThat(registerCalls(SsmFixtures.MANAGEMENT_ACCOUNT)).isEqualTo(before + 2);
    }

    @Test
    void refusesRegistrationBeyondTheActivationsLimit() {
        CreateActivationResponse activation = activation(ssm, 1);
        registerUbuntu(activation);

        SimResponse second = register(activation, unique("late"), "Ubuntu", "22.04");

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().get("error").asText()).isEqualTo("RegistrationLimitExceeded");
    }

    @Test
    void refusesExpiredActivation() {
        // given an activation expiring in a minute, and two minutes passing
        CreateActivationResponse activation = ssm.createActivation(r -> r.iamRole(SSM_ROLE)
                .expirationDate(SharedSimulator.get().clock().instant().plusSeconds(60)));
        SharedSimulator.get().clock().advance(Duration.ofMinutes(2));

        // when
        SimResponse response = register(activation, unique("late"), "Ubuntu", "22.04");

        // then
        assertThat(response.body().get("error").asText()).isEqualTo("ActivationExpired");
        assertThat(ssm.describeActivations(r -> r.filters(f -> f.filterKey(DescribeActivationsFilterKeys.ACTIVATION_IDS)
                                .filterValues(activation.activationId())))
                        .activationList()
                        .get(0)
                        .expired())
                .isTrue();
    }

    @Test
    void mapsPlatformsToSsmOperatingSystems() {
        CreateActivationResponse activation = activation(ssm, 3);
        String windows = register(activation, unique("win"), "Microsoft Windows Server 2022 Datacenter", "10.0.20348")
                .body()
                .get("instanceId")
                .asText();
        String amazon = register(activation, unique("al2"), "Amazon Linux", "2")
                .body()
                .get("instanceId")
                .asText();
        SimResponse unsupported = register(activation, unique("bsd"), "FreeBSD", "14.0");

        SsmRegionState region =
                SharedSimulator.get().module(SsmModule.class).state().region(SsmFixtures.MANAGEMENT_ACCOUNT, REGION);
        assertThat(region.node(windows).orElseThrow().operatingSystem()).isEqualTo(OperatingSystem.WINDOWS);
        assertThat(region.node(windows).orElseThrow().platformType()).isEqualTo("Windows");
        assertThat(region.node(amazon).orElseThrow().operatingSystem()).isEqualTo(OperatingSystem.AMAZON_LINUX_2);
        assertThat(unsupported.body().get("error").asText()).isEqualTo("UnsupportedPlatformType");
    }

    @Test
    void flipsPingStatusWhenTheAgentGoesQuietAndComesBack() {
        CreateActivationResponse activation = activation(ssm, 1);
        String instanceId = registerUbuntu(activation);

        SsmFixtures.post(SimulatorPaths.NODES + "/" + instanceId + "/connection-lost", "");

        assertThat(nodesOf(activation.activationId()).get(0).pingStatusAsString())
                .isEqualTo("ConnectionLost");
        assertThat(ssm.describeInstanceInformation(r -> r.filters(
                                filter("ActivationIds", activation.activationId()),
                                filter("PingStatus", "ConnectionLost")))
                        .instanceInformationList())
                .hasSize(1);

        SimResponse online = SsmFixtures.post(SimulatorPaths.NODES + "/" + instanceId + "/online", "");

        assertThat(online.body().get("pingStatus").asText()).isEqualTo("Online");
        assertThat(nodesOf(activation.activationId()).get(0).pingStatusAsString())
                .isEqualTo("Online");
    }

    @Test
    void onlineNodesKeepPingingAsTimePassesWhileLostOnesDoNot() {
        // given one node online and one that lost its connection
        CreateActivationResponse activation = activation(ssm, 2);
        String online = registerUbuntu(activation);
        String lost = registerUbuntu(activation);
        SsmFixtures.post(SimulatorPaths.NODES + "/" + lost + "/connection-lost", "");

        // when ten minutes pass
        Instant later = SharedSimulator.get().clock().advance(Duration.ofMinutes(10));

        // then
        List<InstanceInformation> nodes = nodesOf(activation.activationId());
        InstanceInformation onlineNode = nodes.stream()
                .filter(node -> node.instanceId().equals(online))
                .findFirst()
                .orElseThrow();
        InstanceInformation lostNode = nodes.stream()
                .filter(node -> node.instanceId().equals(lost))
                .findFirst()
                .orElseThrow();
        assertThat(onlineNode.lastPingDateTime()).isAfter(later.minus(Duration.ofMinutes(1)));
        assertThat(lostNode.lastPingDateTime()).isBefore(later.minus(Duration.ofMinutes(9)));
    }

    @Test
    void listsNodesOfAnAccountAndRegionAsGroundTruth() {
        CreateActivationResponse activation = activation(ssm, 1);
        String instanceId = registerUbuntu(activation);

        SimResponse listed = SsmFixtures.get(
                SimulatorPaths.NODES + "?accountId=" + SsmFixtures.MANAGEMENT_ACCOUNT + "&region=" + REGION);

        assertThat(StreamSupport.stream(listed.body().spliterator(), false)
                        .filter(node -> node.get("instanceId").asText().equals(instanceId)))
                .singleElement()
                .satisfies(node -> {
                    assertThat(node.get("operatingSystem").asText()).isEqualTo("UBUNTU");
                    assertThat(node.get("activationId").asText()).isEqualTo(activation.activationId());
                });
        assertThat(SsmFixtures.get(SimulatorPaths.NODES + "?accountId=000000000001")
                        .body())
                .isEmpty();
    }

    @Test
    void givesAShareOfNodesAnOlderAgentTheSameWayEveryTime() {
        // given forty hosts
        CreateActivationResponse first = activation(ssm, 40);
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            hosts.add("agent-share-host-" + i);
        }

        // when they register
        hosts.forEach(host -> register(first, host, "Ubuntu", "22.04"));

        // then some, not most, run an older agent, and IsLatestVersion says so
        List<InstanceInformation> nodes = nodesOf(first.activationId());
        long outdated = nodes.stream().filter(node -> !node.isLatestVersion()).count();
        assertThat(outdated).isBetween(1L, 20L);
        assertThat(nodes)
                .allSatisfy(node -> assertThat(node.isLatestVersion())
                        .isEqualTo(node.agentVersion().equals(AgentRegistration.LATEST_AGENT_VERSION)));
        CreateActivationResponse second = activation(ssm, 1);
        InstanceInformation original = nodes.stream()
                .filter(node -> node.computerName().equals(hosts.get(0)))
                .findFirst()
                .orElseThrow();
        register(second, hosts.get(0), "Ubuntu", "22.04");
        assertThat(nodesOf(second.activationId()).get(0).agentVersion()).isEqualTo(original.agentVersion());
    }

    @Test
    void refusesTheThousandAndFirstHybridNodeOfAnAccountAndRegion() {
        // given an account with a thousand nodes
        try (SsmClient other = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            CreateActivationResponse thousand = activation(other, 1000);
            for (int i = 0; i < SsmRegionState.HYBRID_NODE_QUOTA; i++) {
                assertThat(register(thousand, "quota-" + i, "Ubuntu", "22.04").status())
                        .isEqualTo(200);
            }

            // when one more registers with a fresh activation
            SimResponse response = register(activation(other, 1), "quota-extra", "Ubuntu", "22.04");

            // then
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().get("error").asText()).isEqualTo("ManagedNodeLimitExceeded");
        }
    }

    static InstanceInformationStringFilter filter(String key, String... values) {
        return InstanceInformationStringFilter.builder().key(key).values(values).build();
    }

    private List<InstanceInformation> nodesOf(String activationId) {
        return ssm
                .describeInstanceInformationPaginator(r -> r.filters(filter("ActivationIds", activationId)))
                .instanceInformationList()
                .stream()
                .toList();
    }
}
