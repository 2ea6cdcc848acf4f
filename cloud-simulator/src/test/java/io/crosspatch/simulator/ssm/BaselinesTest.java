package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DoesNotExistException;
import software.amazon.awssdk.services.ssm.model.GetPatchBaselineResponse;
import software.amazon.awssdk.services.ssm.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.ssm.model.OperatingSystem;
import software.amazon.awssdk.services.ssm.model.PatchBaselineIdentity;
import software.amazon.awssdk.services.ssm.model.PatchComplianceLevel;
import software.amazon.awssdk.services.ssm.model.PatchFilter;
import software.amazon.awssdk.services.ssm.model.PatchFilterKey;
import software.amazon.awssdk.services.ssm.model.PatchOrchestratorFilter;
import software.amazon.awssdk.services.ssm.model.PatchRule;
import software.amazon.awssdk.services.ssm.model.PatchRuleGroup;
import software.amazon.awssdk.services.ssm.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/** Custom and predefined patch baselines, their rules per OS and their quota. */
class BaselinesTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void createsBaselineAndReadsItBackAsDefined() {
        // when
        String id = ssm.createPatchBaseline(r -> r.name(unique("al2-on-time"))
                        .operatingSystem(OperatingSystem.AMAZON_LINUX_2)
                        .description("on-time")
                        .approvalRules(rules(afterDays(7, "Security"), afterDays(14, "Bugfix")))
                        .approvedPatches("kernel-5.10.1")
                        .rejectedPatches("openssl-1.0.2k"))
                .baselineId();

        // then
        assertThat(id).matches("pb-[0-9a-f]{17}");
        GetPatchBaselineResponse baseline = ssm.getPatchBaseline(r -> r.baselineId(id));
        assertThat(baseline.operatingSystem()).isEqualTo(OperatingSystem.AMAZON_LINUX_2);
        assertThat(baseline.approvalRules().patchRules())
                .extracting(PatchRule::approveAfterDays)
                .containsExactly(7, 14);
        assertThat(baseline.approvalRules()
                        .patchRules()
                        .get(0)
                        .patchFilterGroup()
                        .patchFilters())
                .containsExactly(filter(PatchFilterKey.CLASSIFICATION, "Security"));
        assertThat(baseline.approvedPatches()).containsExactly("kernel-5.10.1");
        assertThat(baseline.rejectedPatchesActionAsString()).isEqualTo("ALLOW_AS_DEPENDENCY");
        assertThat(baseline.approvedPatchesComplianceLevel()).isEqualTo(PatchComplianceLevel.UNSPECIFIED);
        assertThat(baseline.patchGroups()).isEmpty();
        assertThat(baseline.createdDate()).isNotNull();
    }

    @Test
    void refusesApprovalDelaysForUbuntuAndDebianButAllowsImmediateRules() {
        assertThatThrownBy(() -> ssm.createPatchBaseline(r -> r.name(unique("ubuntu-late"))
                        .operatingSystem(OperatingSystem.UBUNTU)
                        .approvalRules(rules(afterDays(14, null)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not supported for operating system UBUNTU");
        assertThatThrownBy(() -> ssm.createPatchBaseline(r -> r.name(unique("debian-until"))
                        .operatingSystem(OperatingSystem.DEBIAN)
                        .approvalRules(rules(PatchRule.builder()
                                .patchFilterGroup(g -> g.patchFilters(filter(PatchFilterKey.PRIORITY, "Required")))
                                .approveUntilDate("2024-06-30")
                                .build()))))
                .isInstanceOf(ValidationException.class);

        String ubuntu = ssm.createPatchBaseline(r -> r.name(unique("ubuntu-early"))
                        .operatingSystem(OperatingSystem.UBUNTU)
                        .approvalRules(rules(PatchRule.builder()
                                .patchFilterGroup(
                                        g -> g.patchFilters(filter(PatchFilterKey.PRIORITY, "Required", "Important")))
                                .build())))
                .baselineId();
        assertThat(ssm.getPatchBaseline(r -> r.baselineId(ubuntu))
                        .approvalRules()
                        .patchRules()
                        .get(0)
                        .approveAfterDays())
                .isNull();
    }

    @Test
    void refusesRulesThatDoNotFitTheOperatingSystemOrTheApiConstraints() {
        assertThatThrownBy(() -> ssm.createPatchBaseline(r -> r.name(unique("win"))
                        .operatingSystem(OperatingSystem.WINDOWS)
                        .approvalRules(rules(PatchRule.builder()
                                .approveAfterDays(7)
                                .patchFilterGroup(g -> g.patchFilters(filter(PatchFilterKey.PRIORITY, "Required")))
                                .build()))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("PRIORITY");
        assertThatThrownBy(() -> ssm.createPatchBaseline(r -> r.name(unique("rhel"))
                        .operatingSystem(OperatingSystem.REDHAT_ENTERPRISE_LINUX)
                        .approvalRules(rules(afterDays(361, "Security")))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("approveAfterDays");
        assertThatThrownBy(() -> ssm.createPatchBaseline(r -> r.name(unique("centos"))
                        .operatingSystem(OperatingSystem.CENTOS)
                        .approvalRules(rules(PatchRule.builder()
                                .patchFilterGroup(
                                        g -> g.patchFilters(filter(PatchFilterKey.CLASSIFICATION, "Security")))
                                .build()))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> ssm.createPatchBaseline(r -> r.name("no spaces allowed")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("regular expression");
    }

    @Test
    void updatesOnlyWhatTheRequestNamesUnlessReplacing() {
        String name = unique("oracle");
        String id = ssm.createPatchBaseline(r -> r.name(name)
                        .operatingSystem(OperatingSystem.ORACLE_LINUX)
                        .description("before")
                        .approvalRules(rules(afterDays(7, "Security"))))
                .baselineId();

        ssm.updatePatchBaseline(r -> r.baselineId(id).approvalRules(rules(afterDays(0, "Security"))));
        GetPatchBaselineResponse updated = ssm.getPatchBaseline(r -> r.baselineId(id));
        assertThat(updated.description()).isEqualTo("before");
        assertThat(updated.approvalRules().patchRules().get(0).approveAfterDays())
                .isZero();

        ssm.updatePatchBaseline(r -> r.baselineId(id).name(name).replace(true));
        GetPatchBaselineResponse replaced = ssm.getPatchBaseline(r -> r.baselineId(id));
        assertThat(replaced.description()).isNull();
        assertThat(replaced.approvalRules().patchRules()).isEmpty();
        assertThat(replaced.operatingSystem()).isEqualTo(OperatingSystem.ORACLE_LINUX);
        assertThatThrownBy(() -> ssm.updatePatchBaseline(
                        r -> r.baselineId("pb-00000000000000000").description("x")))
                .isInstanceOf(DoesNotExistException.class);
    }

    @Test
    void returnsTheSameBaselineForARetriedClientTokenAndRefusesAChangedRetry() {
        String token = unique("token");
        String name = unique("idempotent");

        String first =
                ssm.createPatchBaseline(r -> r.name(name).clientToken(token)).baselineId();
        String retried =
                ssm.createPatchBaseline(r -> r.name(name).clientToken(token)).baselineId();

        assertThat(retried).isEqualTo(first);
        assertThatThrownBy(() ->
                        ssm.createPatchBaseline(r -> r.name(name + "-other").clientToken(token)))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void listsPredefinedAndOwnBaselinesWithFiltersAndPages() {
        String prefix = unique("describe");
        for (int i = 0; i < 3; i++) {
            String name = prefix + "-" + i;
            ssm.createPatchBaseline(r -> r.name(name).operatingSystem(OperatingSystem.DEBIAN));
        }

        List<PatchBaselineIdentity> predefinedUbuntu = ssm.describePatchBaselines(r ->
                        r.filters(orchestratorFilter("OWNER", "AWS"), orchestratorFilter("OPERATING_SYSTEM", "UBUNTU")))
                .baselineIdentities();
        List<Integer> pages = ssm
                .describePatchBaselinesPaginator(r -> r.maxResults(2)
                        .filters(orchestratorFilter("NAME_PREFIX", prefix), orchestratorFilter("OWNER", "Self")))
                .stream()
                .map(page -> page.baselineIdentities().size())
                .toList();

        assertThat(predefinedUbuntu).singleElement().satisfies(identity -> {
            assertThat(identity.baselineName()).isEqualTo("AWS-UbuntuDefaultPatchBaseline");
            assertThat(identity.defaultBaseline()).isTrue();
            assertThat(identity.baselineId()).startsWith("arn:aws:ssm:" + SsmFixtures.REGION + ":");
        });
        assertThat(pages).containsExactly(2, 1);
        assertThatThrownBy(() -> ssm.describePatchBaselines(r -> r.maxResults(101)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void makesACustomBaselineTheDefaultForItsOperatingSystem() {
        try (SsmClient other = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            String predefined = other.getDefaultPatchBaseline(r -> r.operatingSystem(OperatingSystem.CENTOS))
                    .baselineId();
            String custom = other.createPatchBaseline(
                            r -> r.name(unique("centos")).operatingSystem(OperatingSystem.CENTOS))
                    .baselineId();

            other.registerDefaultPatchBaseline(r -> r.baselineId(custom));

            assertThat(predefined).contains(":patchbaseline/pb-");
            assertThat(other.getDefaultPatchBaseline(r -> r.operatingSystem(OperatingSystem.CENTOS))
                            .baselineId())
                    .isEqualTo(custom);
            assertThat(other.getDefaultPatchBaseline(r -> {}).operatingSystem()).isEqualTo(OperatingSystem.WINDOWS);
        }
    }

    @Test
    void refusesTheFiftyFirstBaselineOfAnAccount() {
        // given an account with fifty custom baselines
        try (SsmClient other = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            for (int i = 0; i < SsmRegionState.BASELINE_QUOTA; i++) {
                String name = "quota-" + i;
                other.createPatchBaseline(r -> r.name(name));
            }

            // then the next is refused, and deleting one makes room again
            assertThatThrownBy(() -> other.createPatchBaseline(r -> r.name("quota-51")))
                    .isInstanceOf(ResourceLimitExceededException.class);
            String any = other.describePatchBaselines(r -> r.filters(orchestratorFilter("OWNER", "Self")))
                    .baselineIdentities()
                    .get(0)
                    .baselineId();
            other.deletePatchBaseline(r -> r.baselineId(any));
            assertThat(other.createPatchBaseline(r -> r.name("quota-51")).baselineId())
                    .isNotBlank();
        }
    }

    @Test
    void deletesBaselinesIdempotentlyAndAnswersUnknownOnesWithDoesNotExist() {
        try (SsmAsyncClient async = SharedSimulator.ssmAsync(SsmFixtures.management())) {
            String id = async.createPatchBaseline(r -> r.name(unique("short-lived")))
                    .join()
                    .baselineId();

            async.deletePatchBaseline(r -> r.baselineId(id)).join();

            assertThat(async.deletePatchBaseline(r -> r.baselineId(id)).join().baselineId())
                    .isEqualTo(id);
            assertThatThrownBy(
                            () -> async.getPatchBaseline(r -> r.baselineId(id)).join())
                    .hasCauseInstanceOf(DoesNotExistException.class);
        }
    }

    static PatchRuleGroup rules(PatchRule... rules) {
        return PatchRuleGroup.builder().patchRules(rules).build();
    }

    /** A rule approving a classification after some days (Linux); without classification, by PRIORITY (Debian family). */
    static PatchRule afterDays(int days, String classification) {
        PatchFilter matching = classification == null
                ? filter(PatchFilterKey.PRIORITY, "Required")
                : filter(PatchFilterKey.CLASSIFICATION, classification);
        return PatchRule.builder()
                .approveAfterDays(days)
                .patchFilterGroup(g -> g.patchFilters(matching))
                .build();
    }

    static PatchFilter filter(PatchFilterKey key, String... values) {
        return PatchFilter.builder().key(key).values(values).build();
    }

    static PatchOrchestratorFilter orchestratorFilter(String key, String... values) {
        return PatchOrchestratorFilter.builder().key(key).values(values).build();
    }
}
