package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.BaselinesTest.orchestratorFilter;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.DoesNotExistException;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.OperatingSystem;
import software.amazon.awssdk.services.ssm.model.PatchGroupPatchBaselineMapping;
import software.amazon.awssdk.services.ssm.model.ResourceInUseException;

/** Patch groups: one baseline per OS per group, the default as fallback, and what the patching engine reads. */
class PatchGroupsTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void registersOneBaselinePerOperatingSystemForAPatchGroup() {
        // given
        String group = unique("early");
        String ubuntu = baseline(OperatingSystem.UBUNTU);
        String otherUbuntu = baseline(OperatingSystem.UBUNTU);
        String windows = baseline(OperatingSystem.WINDOWS);

        // when
        ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(ubuntu).patchGroup(group));
        ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(windows).patchGroup(group));

        // then
        assertThatThrownBy(() -> ssm.registerPatchBaselineForPatchGroup(
                        r -> r.baselineId(otherUbuntu).patchGroup(group)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(ssm.getPatchBaselineForPatchGroup(r -> r.patchGroup(group).operatingSystem(OperatingSystem.UBUNTU))
                        .baselineId())
                .isEqualTo(ubuntu);
        assertThat(ssm.getPatchBaselineForPatchGroup(r -> r.patchGroup(group)).baselineId())
                .isEqualTo(windows);
        assertThat(ssm.getPatchBaseline(r -> r.baselineId(ubuntu)).patchGroups())
                .containsExactly(group);
        assertThatThrownBy(() -> ssm.registerPatchBaselineForPatchGroup(
                        r -> r.baselineId("pb-00000000000000000").patchGroup(group)))
                .isInstanceOf(DoesNotExistException.class);
    }

    @Test
    void fallsBackToTheDefaultBaselineForAGroupWithoutOne() {
        String group = unique("unregistered");

        String baselineId = ssm.getPatchBaselineForPatchGroup(
                        r -> r.patchGroup(group).operatingSystem(OperatingSystem.DEBIAN))
                .baselineId();

        assertThat(baselineId)
                .isEqualTo(ssm.getDefaultPatchBaseline(r -> r.operatingSystem(OperatingSystem.DEBIAN))
                        .baselineId());
    }

    @Test
    void describesPatchGroupsByPrefixAndOperatingSystem() {
        String prefix = unique("describe");
        String ubuntu = baseline(OperatingSystem.UBUNTU);
        String redhat = baseline(OperatingSystem.REDHAT_ENTERPRISE_LINUX);
        ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(ubuntu).patchGroup(prefix + "-a"));
        ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(redhat).patchGroup(prefix + "-a"));
        ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(ubuntu).patchGroup(prefix + "-b"));

        List<PatchGroupPatchBaselineMapping> all = ssm
                .describePatchGroupsPaginator(r -> r.maxResults(1).filters(orchestratorFilter("NAME_PREFIX", prefix)))
                .mappings()
                .stream()
                .toList();
        List<PatchGroupPatchBaselineMapping> redhatOnly = ssm.describePatchGroups(r -> r.filters(
                        orchestratorFilter("NAME_PREFIX", prefix),
                        orchestratorFilter("OPERATING_SYSTEM", "REDHAT_ENTERPRISE_LINUX")))
                .mappings();

        assertThat(all)
                .extracting(PatchGroupPatchBaselineMapping::patchGroup)
                .containsExactly(prefix + "-a", prefix + "-a", prefix + "-b");
        assertThat(redhatOnly)
                .singleElement()
                .satisfies(mapping ->
                        assertThat(mapping.baselineIdentity().baselineId()).isEqualTo(redhat));
    }

    @Test
    void deregistersAndThenAllowsDeletingTheBaseline() {
        String group = unique("late");
        String baselineId = baseline(OperatingSystem.AMAZON_LINUX_2);
        ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(baselineId).patchGroup(group));

        assertThatThrownBy(() -> ssm.deletePatchBaseline(r -> r.baselineId(baselineId)))
                .isInstanceOf(ResourceInUseException.class);

        ssm.deregisterPatchBaselineForPatchGroup(r -> r.baselineId(baselineId).patchGroup(group));

        assertThatThrownBy(() -> ssm.deregisterPatchBaselineForPatchGroup(
                        r -> r.baselineId(baselineId).patchGroup(group)))
                .isInstanceOf(InvalidResourceIdException.class);
        assertThat(ssm.deletePatchBaseline(r -> r.baselineId(baselineId)).baselineId())
                .isEqualTo(baselineId);
    }

    @Test
    void tellsThePatchingEngineWhichBaselineAppliesToANode() {
        // given a node in a patch group with a registered Ubuntu baseline, and one in a group without
        String group = unique("engine");
        String baselineId = baseline(OperatingSystem.UBUNTU);
        ssm.registerPatchBaselineForPatchGroup(r -> r.baselineId(baselineId).patchGroup(group));
        String grouped = registerUbuntu(activation(ssm, 1, tag("Patch Group", group)));
        String ungrouped = registerUbuntu(activation(ssm, 1, tag("Patch Group", unique("none"))));

        // then
        SsmRegionState region = SharedSimulator.get()
                .module(SsmModule.class)
                .state()
                .region(SsmFixtures.MANAGEMENT_ACCOUNT, SsmFixtures.REGION);
        assertThat(region.baselineFor(region.node(grouped).orElseThrow()).baselineId())
                .isEqualTo(baselineId);
        assertThat(region.baselineFor(region.node(ungrouped).orElseThrow()).name())
                .isEqualTo("AWS-UbuntuDefaultPatchBaseline");
        assertThat(region.nodesWithTag("Patch Group", group))
                .extracting(ManagedNode::instanceId)
                .containsExactly(grouped);
    }

    private String baseline(OperatingSystem os) {
        return ssm.createPatchBaseline(r -> r.name(unique("group-baseline")).operatingSystem(os))
                .baselineId();
    }
}
