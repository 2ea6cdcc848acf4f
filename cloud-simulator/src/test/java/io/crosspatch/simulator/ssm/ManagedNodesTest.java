package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.AgentRegistrationTest.filter;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.register;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationFilter;
import software.amazon.awssdk.services.ssm.model.InstanceInformationFilterKey;
import software.amazon.awssdk.services.ssm.model.InvalidFilterKeyException;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceInformationFilterValueException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/** DescribeInstanceInformation's filters and pages, and DeregisterManagedInstance. */
class ManagedNodesTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void pagesThroughNodesFiveAtATimeWithTheSyncAndAsyncPaginators() {
        // given twelve nodes of one activation
        CreateActivationResponse activation = activation(ssm, 12);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            registered.add(registerUbuntu(activation));
        }

        // when
        List<Integer> pageSizes = ssm
                .describeInstanceInformationPaginator(
                        r -> r.maxResults(5).filters(filter("ActivationIds", activation.activationId())))
                .stream()
                .map(page -> page.instanceInformationList().size())
                .toList();
        List<String> seenAsync = new CopyOnWriteArrayList<>();
        try (SsmAsyncClient async = SharedSimulator.ssmAsync(SsmFixtures.management())) {
            async.describeInstanceInformationPaginator(
                            r -> r.maxResults(5).filters(filter("ActivationIds", activation.activationId())))
                    .subscribe(page -> page.instanceInformationList().forEach(node -> seenAsync.add(node.instanceId())))
                    .join();
        }

        // then
        assertThat(pageSizes).containsExactly(5, 5, 2);
        assertThat(seenAsync).containsExactlyElementsOf(registered);
    }

    @Test
    void refusesPageSizesOutsideFiveToFifty() {
        assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> r.maxResults(4)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> r.maxResults(51)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void filtersByTagsPlatformAndInstanceIds() {
        // given an Ubuntu node and a Windows node with different patch groups
        String group = unique("group");
        CreateActivationResponse linux = activation(ssm, 1, tag("Patch Group", group), tag("Tier", "web"));
        CreateActivationResponse windows = activation(ssm, 1, tag("Patch Group", group + "-win"));
        String linuxNode = registerUbuntu(linux);
        String windowsNode = register(windows, unique("win"), "Microsoft Windows Server 2022 Datacenter", "10.0.20348")
                .body()
                .get("instanceId")
                .asText();

        // then
        assertThat(ids(ssm.describeInstanceInformation(r -> r.filters(filter("tag:Patch Group", group)))))
                .containsExactly(linuxNode);
        assertThat(ids(ssm.describeInstanceInformation(
                        r -> r.filters(filter("tag:Patch Group", group, group + "-win"), filter("tag-key", "Tier")))))
                .containsExactly(linuxNode);
        assertThat(ids(ssm.describeInstanceInformation(r ->
                        r.filters(filter("InstanceIds", linuxNode, windowsNode), filter("PlatformTypes", "Windows")))))
                .containsExactly(windowsNode);
        InstanceInformationFilter legacy = InstanceInformationFilter.builder()
                .key(InstanceInformationFilterKey.INSTANCE_IDS)
                .valueSet(linuxNode)
                .build();
        assertThat(ids(ssm.describeInstanceInformation(r -> r.instanceInformationFilterList(legacy))))
                .containsExactly(linuxNode);
    }

    @Test
    void refusesUnknownFilterKeysValuesAndInstanceIds() {
        assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> r.filters(filter("Colour", "blue"))))
                .isInstanceOf(InvalidFilterKeyException.class);
        assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> r.filters(filter("PingStatus", "Sleeping"))))
                .isInstanceOf(InvalidInstanceInformationFilterValueException.class);
        assertThatThrownBy(() ->
                        ssm.describeInstanceInformation(r -> r.filters(filter("InstanceIds", "mi-00000000000000000"))))
                .isInstanceOf(InvalidInstanceIdException.class);
        assertThatThrownBy(() -> ssm.describeInstanceInformation(
                        r -> r.filters(filter("tag:Tier", "web"), filter("PingStatus", "Online"))))
                .isInstanceOf(InvalidFilterKeyException.class);
    }

    @Test
    void deregisteredNodeIsGoneAndCannotBeDeregisteredTwice() {
        CreateActivationResponse activation = activation(ssm, 1);
        String instanceId = registerUbuntu(activation);

        ssm.deregisterManagedInstance(r -> r.instanceId(instanceId));

        assertThat(ssm.describeInstanceInformation(r -> r.filters(filter("ActivationIds", activation.activationId())))
                        .instanceInformationList())
                .isEmpty();
        assertThatThrownBy(() -> ssm.deregisterManagedInstance(r -> r.instanceId(instanceId)))
                .isInstanceOf(InvalidInstanceIdException.class);
        assertThatThrownBy(() -> ssm.deregisterManagedInstance(r -> r.instanceId("i-123")))
                .isInstanceOf(ValidationException.class);
    }

    private static List<String> ids(DescribeInstanceInformationResponse response) {
        return response.instanceInformationList().stream()
                .map(InstanceInformation::instanceId)
                .toList();
    }
}
