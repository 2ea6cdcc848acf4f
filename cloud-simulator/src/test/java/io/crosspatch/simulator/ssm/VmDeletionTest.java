package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.REGION;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.SharedSimulator;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.simulator.client.SimulatorControlException;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;

/**
 * {@code DELETE /_sim/vms/{id}}: the VM's metadata service stops answering and the node its agent registered turns
 * ConnectionLost (keeping its last ping), as SSM shows a node whose host is gone; deregistering it then removes it
 * from the ground truth, and deregistering it again is InvalidInstanceId.
 */
class VmDeletionTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());
    private static final SimulatorControl control = new SimulatorControl(SharedSimulator.endpoint());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void deletedVmsNodeTurnsConnectionLostAndDeregisteredNodesLeaveTheGroundTruth() {
        // given a VM whose agent registered, naming the VM
        JsonNode vm = control.createVm(Http.JSON
                .createObjectNode()
                .put("provider", "aws")
                .put("accountId", "123456789012")
                .put("instanceName", "doomed-1"));
        String vmId = vm.get("vmId").asText();
        CreateActivationResponse activation = activation(ssm, 1);
        String instanceId = control.registerAgent(SimulatorControl.object()
                        .put("activationCode", activation.activationCode())
                        .put("activationId", activation.activationId())
                        .put("region", REGION)
                        .put("hostname", "doomed-1")
                        .put("platformName", "Ubuntu")
                        .put("platformVersion", "22.04")
                        .put("vmId", vmId))
                .get("instanceId")
                .asText();
        Instant lastPing =
                Instant.parse(node(instanceId).get("lastPingDateTime").asText());

        // when the VM is deleted and time passes
        JsonNode deleted = control.deleteVm(vmId);
        SharedSimulator.get().clock().advance(Duration.ofMinutes(20));

        // then the VM is gone, its metadata service does not answer, and its node is ConnectionLost at its last ping
        assertThat(deleted.get("vmId").asText()).isEqualTo(vmId);
        assertThat(control.send("GET", SimulatorPaths.vm(vmId), null).status()).isEqualTo(404);
        assertThat(control.send("GET", SimulatorPaths.vmMetadata(vmId) + "/latest/api/token", null)
                        .status())
                .isEqualTo(404);
        assertThatThrownBy(() -> control.deleteVm(vmId)).isInstanceOf(SimulatorControlException.class);
        JsonNode node = node(instanceId);
        assertThat(node.get("pingStatus").asText()).isEqualTo("ConnectionLost");
        assertThat(Instant.parse(node.get("lastPingDateTime").asText())).isEqualTo(lastPing);
        assertThat(ssm.describeInstanceInformation(
                                r -> r.filters(f -> f.key("InstanceIds").values(instanceId)))
                        .instanceInformationList()
                        .get(0)
                        .pingStatusAsString())
                .isEqualTo("ConnectionLost");

        // when it is deregistered, the ground truth no longer lists it, and a second deregistration is refused
        ssm.deregisterManagedInstance(r -> r.instanceId(instanceId));
        assertThat(StreamSupport.stream(control.nodes().spliterator(), false)
                        .map(n -> n.get("instanceId").asText()))
                .doesNotContain(instanceId);
        assertThatThrownBy(() -> ssm.deregisterManagedInstance(r -> r.instanceId(instanceId)))
                .isInstanceOf(InvalidInstanceIdException.class);
    }

    private static JsonNode node(String instanceId) {
        return control.send("GET", SimulatorPaths.NODES + "/" + instanceId, null)
                .ok()
                .json();
    }
}
