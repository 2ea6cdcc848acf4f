package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.OperatingSystem;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.ssm.model.TooManyTagsErrorException;

/** AddTagsToResource, RemoveTagsFromResource, ListTagsForResource on nodes, baselines and windows. */
class TaggingTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void setsMissingNodeTagsAndOverwritesAndRemovesOthers() {
        // given a node that registered with a Patch Group tag
        String instanceId = registerUbuntu(activation(ssm, 1, tag("Patch Group", "early")));

        // when
        ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                .resourceId(instanceId)
                .tags(tag("Patch Group", "late"), tag("Enrollment", "e-9")));
        ssm.removeTagsFromResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                .resourceId(instanceId)
                .tagKeys("Enrollment", "NotThere"));

        // then
        assertThat(tags(ResourceTypeForTagging.MANAGED_INSTANCE, instanceId))
                .containsExactly(tag("Patch Group", "late"));
        assertThat(ssm.describeInstanceInformation(
                                r -> r.filters(AgentRegistrationTest.filter("tag:Patch Group", "late")))
                        .instanceInformationList())
                .anyMatch(node -> node.instanceId().equals(instanceId));
    }

    @Test
    void tagsBaselinesAndWindows() {
        String baselineId = ssm.createPatchBaseline(r -> r.name(unique("tagged"))
                        .operatingSystem(OperatingSystem.UBUNTU)
                        .tags(tag("Owner", "crosspatch")))
                .baselineId();
        String windowId = ssm.createMaintenanceWindow(r -> r.name(unique("tagged"))
                        .schedule("rate(7 days)")
                        .duration(2)
                        .cutoff(1)
                        .allowUnassociatedTargets(false))
                .windowId();

        ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.PATCH_BASELINE)
                .resourceId(baselineId)
                .tags(tag("Group", "early")));
        ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.MAINTENANCE_WINDOW)
                .resourceId(windowId)
                .tags(tag("Group", "early")));

        assertThat(tags(ResourceTypeForTagging.PATCH_BASELINE, baselineId))
                .containsExactly(tag("Owner", "crosspatch"), tag("Group", "early"));
        assertThat(tags(ResourceTypeForTagging.MAINTENANCE_WINDOW, windowId)).containsExactly(tag("Group", "early"));
    }

    @Test
    void refusesMoreThanFiftyTagsAndUnknownResources() {
        String instanceId = registerUbuntu(activation(ssm, 1));
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("key-" + i, "value"));
        }
        ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                .resourceId(instanceId)
                .tags(fifty));

        assertThatThrownBy(() -> ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                        .resourceId(instanceId)
                        .tags(tag("one-more", "x"))))
                .isInstanceOf(TooManyTagsErrorException.class);
        assertThatThrownBy(() -> tags(ResourceTypeForTagging.MANAGED_INSTANCE, "mi-00000000000000000"))
                .isInstanceOf(InvalidResourceIdException.class);
        assertThatThrownBy(() -> tags(ResourceTypeForTagging.PATCH_BASELINE, "pb-00000000000000000"))
                .isInstanceOf(InvalidResourceIdException.class);
    }

    private List<Tag> tags(ResourceTypeForTagging type, String id) {
        return ssm.listTagsForResource(r -> r.resourceType(type).resourceId(id)).tagList();
    }
}
