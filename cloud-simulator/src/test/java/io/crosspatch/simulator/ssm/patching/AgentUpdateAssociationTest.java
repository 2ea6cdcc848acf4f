package io.crosspatch.simulator.ssm.patching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidParametersException;

/**
 * State Manager running {@code AWS-UpdateSSMAgent} on its schedule: every targeted Online node then runs the latest
 * agent (DescribeInstanceInformation's {@code IsLatestVersion}), a node that is not Online keeps its old one, and
 * parameters the document does not allow are refused as AWS refuses them.
 */
class AgentUpdateAssociationTest {

    private PatchingFixture fixture;
    private SsmClient ssm;

    @BeforeEach
    void startSimulator() {
        fixture = new PatchingFixture(
                SimulatorConfig.defaults().rateLimitsEnabled(false).outdatedAgentShare(1.0));
        ssm = fixture.ssm();
    }

    @AfterEach
    void stopSimulator() {
        fixture.close();
    }

    @Test
    void updatesEveryOnlineTargetedNodeToTheLatestAgentAtTheScheduledRun() throws Exception {
        // given three nodes on an outdated agent, one of them not reachable
        CreateActivationResponse activation = fixture.activation("late");
        String first = fixture.register(activation, "rhel-1", "Red Hat Enterprise Linux", "9.2");
        String second = fixture.register(activation, "rhel-2", "Red Hat Enterprise Linux", "9.2");
        String lost = fixture.register(activation, "rhel-3", "Red Hat Enterprise Linux", "9.2");
        fixture.post(SimulatorPaths.NODES + "/" + lost + "/connection-lost", "");
        assertThat(latest(first, second, lost)).containsOnly(false);

        // and an agent-update association that runs only at its schedule's occurrences
        ssm.createAssociation(r -> r.name("AWS-UpdateSSMAgent")
                .associationName("crosspatch-agent-update")
                .targets(t -> t.key("InstanceIds").values("*"))
                .scheduleExpression("rate(1 day)")
                .applyOnlyAtCronInterval(true));
        fixture.simulator().clock().advance(Duration.ofSeconds(1));
        assertThat(latest(first, second, lost)).containsOnly(false);

        // when its first occurrence passes
        fixture.simulator().clock().advance(Duration.ofDays(1));

        // then the Online nodes run the latest agent and the unreachable one still the old
        assertThat(latest(first, second, lost)).containsExactly(true, true, false);
        assertThat(ssm.describeInstanceInformation(
                                r -> r.filters(f -> f.key("InstanceIds").values(first)))
                        .instanceInformationList()
                        .get(0)
                        .agentVersion())
                .isEqualTo("3.3.1142.0");
    }

    @Test
    void refusesParametersTheDocumentDoesNotAllow() {
        assertThatThrownBy(() -> ssm.createAssociation(r -> r.name("AWS-UpdateSSMAgent")
                        .targets(t -> t.key("InstanceIds").values("*"))
                        .scheduleExpression("rate(1 day)")
                        .parameters(Map.of("allowDowngrade", List.of("maybe")))))
                .isInstanceOf(InvalidParametersException.class);
        assertThatThrownBy(() -> ssm.createAssociation(r -> r.name("AWS-UpdateSSMAgent")
                        .targets(t -> t.key("InstanceIds").values("*"))
                        .parameters(Map.of("Operation", List.of("Install")))))
                .isInstanceOf(InvalidParametersException.class);
    }

    private List<Boolean> latest(String... instanceIds) {
        Map<String, Boolean> byId = new HashMap<>();
        ssm.describeInstanceInformationPaginator(r -> r.maxResults(50)).instanceInformationList().stream()
                .forEach(info -> byId.put(info.instanceId(), info.isLatestVersion()));
        return Arrays.stream(instanceIds).map(byId::get).toList();
    }
}
