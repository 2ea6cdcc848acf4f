package io.crosspatch.patching.desiredstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.patching.desiredstate.domain.AccountPlan;
import io.crosspatch.patching.desiredstate.domain.AgentUpdateSchedule;
import io.crosspatch.patching.desiredstate.domain.ApprovalRule;
import io.crosspatch.patching.desiredstate.domain.AssociationSpec;
import io.crosspatch.patching.desiredstate.domain.BaselineSpec;
import io.crosspatch.patching.desiredstate.domain.ConfigurationReason;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.desiredstate.domain.ManagedOs;
import io.crosspatch.patching.desiredstate.domain.PatchGroupPolicy;
import io.crosspatch.patching.desiredstate.domain.PatchGroupQuotaExceededException;
import io.crosspatch.patching.desiredstate.domain.RuleSpec;
import io.crosspatch.patching.desiredstate.domain.WindowPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The desired state's rules, without Spring or AWS. */
class DesiredStateTest {

    @Test
    void plansOneBaselinePerOperatingSystemAndGroupWithTheGroupsDelayWhereTheOsSupportsIt() {
        AccountPlan plan = anyDesiredState().planFor(Set.of());

        assertThat(plan.baselines()).hasSize(24);
        BaselineSpec rhelLate = baseline(plan, "crosspatch-rhel-late");
        assertThat(rhelLate.patchGroup()).isEqualTo("late");
        assertThat(rhelLate.rules()).extracting(RuleSpec::approveAfterDays).containsOnly(14);
        assertThat(baseline(plan, "crosspatch-windows-early").rules())
                .extracting(RuleSpec::approveAfterDays)
                .containsOnly(0);
        assertThat(baseline(plan, "crosspatch-ubuntu-late").rules())
                .extracting(RuleSpec::approveAfterDays)
                .containsOnly((Integer) null);
        assertThat(baseline(plan, "crosspatch-debian-on-time").description()).contains("window");
        assertThat(plan.windows())
                .extracting(w -> w.name() + " " + w.schedule())
                .containsExactly(
                        "crosspatch-install-early cron(0 2 ? * TUE#2 *)",
                        "crosspatch-install-on-time cron(0 2 ? * TUE#3 *)",
                        "crosspatch-install-late cron(0 2 ? * TUE#4 *)");
        assertThat(plan.associations())
                .extracting(a -> a.name())
                .containsExactly("crosspatch-scan", "crosspatch-inventory", "crosspatch-agent-update");
        AssociationSpec agentUpdate = plan.associations().get(2);
        assertThat(agentUpdate.document()).isEqualTo("AWS-UpdateSSMAgent");
        assertThat(agentUpdate.schedule()).isEqualTo("cron(0 6 ? * TUE#4 *)");
        assertThat(agentUpdate.parameters()).isEmpty();
    }

    @Test
    void updatesAgentsRightAfterTheLatestGroupsWindowUnlessToldOtherwise() {
        WindowPolicy window = new WindowPolicy(4, 1, "10%", "5%");
        PatchGroupPolicy early = new PatchGroupPolicy("early", 0, "cron(0 2 ? * TUE#2 *)", null);
        PatchGroupPolicy late = new PatchGroupPolicy("late", 14, "cron(30 19 ? * THU#4 *)", null);

        assertThat(AgentUpdateSchedule.afterLatestWindow(List.of(late, early), window))
                .isEqualTo("cron(30 23 ? * THU#4 *)");
        assertThatThrownBy(() -> AgentUpdateSchedule.afterLatestWindow(
                        List.of(early, new PatchGroupPolicy("late", 14, "cron(0 22 ? * TUE#4 *)", null)), window))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent-update-schedule");
        assertThatThrownBy(() -> AgentUpdateSchedule.afterLatestWindow(
                        List.of(new PatchGroupPolicy("late", 14, "rate(7 days)", null)), window))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionFollowsThePolicyNotTheAccountsCustomGroups() {
        DesiredState policy = anyDesiredState();
        DesiredState same = anyDesiredState();

        assertThat(policy.version()).isEqualTo(same.version());
        assertThat(policy.version().label()).matches("standard-[0-9a-f]{12}");
        assertThat(policy.planFor(Set.of("canary")).hash())
                .isNotEqualTo(policy.version().hash());
        assertThat(policy.planFor(Set.of()).hash()).isEqualTo(policy.version().hash());
    }

    @Test
    void namesWhyAReconcileChangedSomething() {
        assertThat(ConfigurationReason.of(Optional.empty(), "a")).isEqualTo(ConfigurationReason.FIRST_APPLIED);
        assertThat(ConfigurationReason.of(Optional.of("a"), "b")).isEqualTo(ConfigurationReason.POLICY_CHANGED);
        assertThat(ConfigurationReason.of(Optional.of("a"), "a")).isEqualTo(ConfigurationReason.DRIFT_REPAIRED);
    }

    @Test
    void givesACustomGroupTheTemplatesTimingUnderItsOwnName() {
        AccountPlan plan = anyDesiredState().planFor(Set.of("canary"));

        assertThat(plan.baselines()).hasSize(32);
        assertThat(baseline(plan, "crosspatch-centos-canary").rules())
                .extracting(RuleSpec::approveAfterDays)
                .containsOnly(7);
        assertThat(plan.windows()).anySatisfy(w -> {
            assertThat(w.name()).isEqualTo("crosspatch-install-canary");
            assertThat(w.schedule()).isEqualTo("cron(0 2 ? * TUE#3 *)");
            assertThat(w.target().values()).containsExactly("canary");
        });
    }

    @Test
    void refusesMoreCustomGroupsThanFitInFiftyBaselines() {
        DesiredState desired = anyDesiredState();
        assertThat(desired.planFor(Set.of("a", "b", "c")).baselines()).hasSize(48);

        assertThatThrownBy(() -> desired.planFor(Set.of("a", "b", "c", "d")))
                .isInstanceOf(PatchGroupQuotaExceededException.class);
    }

    @Test
    void hashesEqualPlansEquallyAndChangedPlansDifferently() {
        DesiredState desired = anyDesiredState();

        assertThat(desired.planFor(Set.of()).hash())
                .isEqualTo(anyDesiredState().planFor(Set.of()).hash());
        assertThat(desired.planFor(Set.of("canary")).hash())
                .isNotEqualTo(desired.planFor(Set.of()).hash());
    }

    @Test
    void acceptsOnlyShortLowerCaseGroupNames() {
        assertThat(DesiredState.isValidGroupName("canary-2")).isTrue();
        assertThat(DesiredState.isValidGroupName("Canary")).isFalse();
        assertThat(DesiredState.isValidGroupName("a b")).isFalse();
        assertThat(DesiredState.isValidGroupName("")).isFalse();
    }

    static DesiredState anyDesiredState() {
        Map<ManagedOs, List<ApprovalRule>> rules = new EnumMap<>(ManagedOs.class);
        for (ManagedOs os : ManagedOs.values()) {
            String key =
                    os == ManagedOs.WINDOWS ? "MSRC_SEVERITY" : os.supportsApprovalDelays() ? "SEVERITY" : "PRIORITY";
            rules.put(
                    os,
                    List.of(new ApprovalRule(Map.of("PRODUCT", List.of("*"), key, List.of("Critical")), "CRITICAL")));
        }
        return new DesiredState(
                rules,
                List.of(
                        new PatchGroupPolicy("early", 0, "cron(0 2 ? * TUE#2 *)", null),
                        new PatchGroupPolicy("on-time", 7, "cron(0 2 ? * TUE#3 *)", null),
                        new PatchGroupPolicy("late", 14, "cron(0 2 ? * TUE#4 *)", null)),
                "on-time",
                new WindowPolicy(4, 1, "10%", "5%"),
                "rate(12 hours)",
                "rate(1 day)");
    }

    private static BaselineSpec baseline(AccountPlan plan, String name) {
        return plan.baselines().stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
