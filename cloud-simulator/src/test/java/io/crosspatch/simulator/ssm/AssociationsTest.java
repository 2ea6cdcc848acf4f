package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static io.crosspatch.simulator.ssm.WindowTargetsAndTasksTest.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Association;
import software.amazon.awssdk.services.ssm.model.AssociationAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.AssociationDescription;
import software.amazon.awssdk.services.ssm.model.AssociationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.AssociationFilter;
import software.amazon.awssdk.services.ssm.model.AssociationFilterKey;
import software.amazon.awssdk.services.ssm.model.InvalidDocumentException;
import software.amazon.awssdk.services.ssm.model.InvalidParametersException;
import software.amazon.awssdk.services.ssm.model.InvalidScheduleException;
import software.amazon.awssdk.services.ssm.model.InvalidTargetException;

/** State Manager associations: software inventory for every node, and a scheduled patch scan. */
class AssociationsTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void createsInventoryAssociationForAllNodesAndListsIt() {
        // when
        String name = unique("inventory");
        AssociationDescription created = ssm.createAssociation(r -> r.name("AWS-GatherSoftwareInventory")
                        .associationName(name)
                        .targets(target("InstanceIds", "*"))
                        .scheduleExpression("rate(30 minutes)")
                        .parameters(Map.of("applications", List.of("Enabled"))))
                .associationDescription();

        // then
        assertThat(created.associationId()).isNotBlank();
        assertThat(created.associationVersion()).isEqualTo("1");
        assertThat(created.overview().status()).isEqualTo("Pending");
        assertThat(created.documentVersion()).isEqualTo("$DEFAULT");
        List<Association> listed = ssm.listAssociations(
                        r -> r.associationFilterList(filter(AssociationFilterKey.ASSOCIATION_NAME, name)))
                .associations();
        assertThat(listed).singleElement().satisfies(association -> {
            assertThat(association.name()).isEqualTo("AWS-GatherSoftwareInventory");
            assertThat(association.targets()).containsExactly(target("InstanceIds", "*"));
            assertThat(association.scheduleExpression()).isEqualTo("rate(30 minutes)");
        });
        String anyNode = registerUbuntu(activation(ssm, 1));
        assertThat(ssm.listAssociations(r -> r.associationFilterList(filter(AssociationFilterKey.INSTANCE_ID, anyNode)))
                        .associations())
                .extracting(Association::associationId)
                .contains(created.associationId());
    }

    @Test
    void updatesAndDeletesAnAssociation() {
        String id = ssm.createAssociation(r -> r.name("AWS-RunPatchBaseline")
                        .associationName(unique("scan"))
                        .targets(target("tag:Patch Group", "early"))
                        .scheduleExpression("cron(0 3 ? * * *)")
                        .parameters(Map.of("Operation", List.of("Scan"))))
                .associationDescription()
                .associationId();

        AssociationDescription updated = ssm.updateAssociation(
                        r -> r.associationId(id).scheduleExpression("cron(0 4 ? * * *)"))
                .associationDescription();

        assertThat(updated.associationVersion()).isEqualTo("2");
        assertThat(updated.parameters()).containsEntry("Operation", List.of("Scan"));
        assertThat(ssm.describeAssociation(r -> r.associationId(id))
                        .associationDescription()
                        .scheduleExpression())
                .isEqualTo("cron(0 4 ? * * *)");
        ssm.deleteAssociation(r -> r.associationId(id));
        assertThatThrownBy(() -> ssm.describeAssociation(r -> r.associationId(id)))
                .isInstanceOf(AssociationDoesNotExistException.class);
    }

    @Test
    void refusesUnknownDocumentsParametersTargetsAndSchedules() {
        assertThatThrownBy(() ->
                        ssm.createAssociation(r -> r.name("AWS-NoSuchDocument").targets(target("InstanceIds", "*"))))
                .isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> ssm.createAssociation(r -> r.name("AWS-RunPatchBaseline")
                        .targets(target("InstanceIds", "*"))
                        .parameters(Map.of("Operation", List.of("Reinstall")))))
                .isInstanceOf(InvalidParametersException.class);
        assertThatThrownBy(() -> ssm.createAssociation(
                        r -> r.name("AWS-GatherSoftwareInventory").targets(target("Colour", "blue"))))
                .isInstanceOf(InvalidTargetException.class);
        assertThatThrownBy(() -> ssm.createAssociation(r -> r.name("AWS-GatherSoftwareInventory")
                        .targets(target("InstanceIds", "*"))
                        .scheduleExpression("rate(10 minutes)")))
                .isInstanceOf(InvalidScheduleException.class);
        assertThatThrownBy(() -> ssm.createAssociation(r -> r.name("AWS-GatherSoftwareInventory")
                        .targets(target("InstanceIds", "*"))
                        .scheduleExpression("every day")))
                .isInstanceOf(InvalidScheduleException.class);
    }

    @Test
    void refusesASecondAssociationOfTheSameDocumentWithTheSameNode() {
        String instanceId = registerUbuntu(activation(ssm, 1));
        ssm.createAssociation(r -> r.name("AWS-UpdateSSMAgent").instanceId(instanceId));

        assertThatThrownBy(() ->
                        ssm.createAssociation(r -> r.name("AWS-UpdateSSMAgent").instanceId(instanceId)))
                .isInstanceOf(AssociationAlreadyExistsException.class);
        assertThat(ssm.describeAssociation(r -> r.name("AWS-UpdateSSMAgent").instanceId(instanceId))
                        .associationDescription()
                        .instanceId())
                .isEqualTo(instanceId);
    }

    private static AssociationFilter filter(AssociationFilterKey key, String value) {
        return AssociationFilter.builder().key(key).value(value).build();
    }
}
