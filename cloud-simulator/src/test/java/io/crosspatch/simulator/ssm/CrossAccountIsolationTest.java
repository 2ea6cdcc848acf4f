package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.AgentRegistrationTest.filter;
import static io.crosspatch.simulator.ssm.BaselinesTest.orchestratorFilter;
import static io.crosspatch.simulator.ssm.MaintenanceWindowsTest.window;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static io.crosspatch.simulator.ssm.WindowTargetsAndTasksTest.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.DoesNotExistException;
import software.amazon.awssdk.services.ssm.model.InvalidActivationIdException;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.OperatingSystem;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** One account never sees another's SSM resources, even when it knows their ids. */
class CrossAccountIsolationTest {

    @Test
    void anAssumedRoleInAnotherAccountSeesNoneOfTheManagementAccountsResources() {
        try (SsmClient management = SharedSimulator.ssm(SsmFixtures.management());
                SsmClient other = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            // given resources of every kind in the management account
            CreateActivationResponse activation = activation(management, 1, tag("Patch Group", "early"));
            String instanceId = registerUbuntu(activation);
            String baselineId = management
                    .createPatchBaseline(r -> r.name(unique("isolated")).operatingSystem(OperatingSystem.UBUNTU))
                    .baselineId();
            String group = unique("isolated-group");
            management.registerPatchBaselineForPatchGroup(
                    r -> r.baselineId(baselineId).patchGroup(group));
            String windowId = management
                    .createMaintenanceWindow(
                            window(unique("isolated"), "rate(7 days)").build())
                    .windowId();
            String associationId = management
                    .createAssociation(
                            r -> r.name("AWS-GatherSoftwareInventory").targets(target("InstanceIds", "*")))
                    .associationDescription()
                    .associationId();

            // then the other account sees nothing of them
            assertThat(other.describeActivations().activationList()).isEmpty();
            assertThat(other.describeInstanceInformation().instanceInformationList())
                    .isEmpty();
            assertThat(other.describePatchBaselines(r -> r.filters(orchestratorFilter("OWNER", "Self")))
                            .baselineIdentities())
                    .isEmpty();
            assertThat(other.describePatchGroups().mappings()).isEmpty();
            assertThat(other.getPatchBaselineForPatchGroup(
                                    r -> r.patchGroup(group).operatingSystem(OperatingSystem.UBUNTU))
                            .baselineId())
                    .isNotEqualTo(baselineId);
            assertThat(other.describeMaintenanceWindows().windowIdentities()).isEmpty();
            assertThat(other.listAssociations().associations()).isEmpty();
            assertThatThrownBy(() -> other.getPatchBaseline(r -> r.baselineId(baselineId)))
                    .isInstanceOf(DoesNotExistException.class);
            assertThatThrownBy(() -> other.getMaintenanceWindow(r -> r.windowId(windowId)))
                    .isInstanceOf(DoesNotExistException.class);
            assertThatThrownBy(
                            () -> other.describeInstanceInformation(r -> r.filters(filter("InstanceIds", instanceId))))
                    .isInstanceOf(InvalidInstanceIdException.class);
            assertThatThrownBy(() -> other.deregisterManagedInstance(r -> r.instanceId(instanceId)))
                    .isInstanceOf(InvalidInstanceIdException.class);
            assertThatThrownBy(
                            () -> other.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                                    .resourceId(instanceId)))
                    .isInstanceOf(InvalidResourceIdException.class);
            assertThatThrownBy(() -> other.deleteActivation(r -> r.activationId(activation.activationId())))
                    .isInstanceOf(InvalidActivationIdException.class);
            assertThat(management
                            .describeAssociation(r -> r.associationId(associationId))
                            .associationDescription())
                    .isNotNull();
            assertThat(management
                            .describeInstanceInformation(r -> r.filters(filter("InstanceIds", instanceId)))
                            .instanceInformationList())
                    .hasSize(1);
        }
    }

    @Test
    void theSameAccountSeesNothingInAnotherRegion() {
        try (SsmClient ireland = SharedSimulator.ssm(SsmFixtures.management());
                SsmClient virginia = SsmClient.builder()
                        .endpointOverride(SharedSimulator.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(SsmFixtures.management())
                        .build()) {
            String windowId = ireland.createMaintenanceWindow(
                            window(unique("regional"), "rate(7 days)").build())
                    .windowId();

            assertThatThrownBy(() -> virginia.getMaintenanceWindow(r -> r.windowId(windowId)))
                    .isInstanceOf(DoesNotExistException.class);
            assertThat(virginia.getDefaultPatchBaseline(r -> r.operatingSystem(OperatingSystem.UBUNTU))
                            .baselineId())
                    .startsWith("arn:aws:ssm:us-east-1:");
        }
    }
}
