package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.AgentUpdateSchedule;
import io.crosspatch.patching.desiredstate.domain.ApprovalRule;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.desiredstate.domain.ManagedOs;
import io.crosspatch.patching.desiredstate.domain.PatchGroupPolicy;
import io.crosspatch.patching.desiredstate.domain.WindowPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desired state as configuration: per-OS approval rules, the standard patch groups, the template of custom
 * groups, window settings and schedules. Its one home is {@code patching-desired-state.yml} (a data file, not a set
 * of defaults: every value there is the desired state), which a deployment overrides like any property.
 *
 * @param approvalRules       per OS, the rules a patch baseline approves patches by
 * @param groups              the standard patch groups (early, on-time, late): delay and install schedule each
 * @param customGroupTemplate the standard group whose delay and schedule a custom patch group (one a VM asks for by
 *                            name) takes
 * @param window              how Install maintenance windows run
 * @param scanSchedule        rate or cron (SSM syntax) of the Scan association
 * @param inventorySchedule   rate or cron (SSM syntax) of the inventory association
 * @param policyName          the policy's name, the first part of its version ({@code standard-3f9a0c1d2e4b});
 *                            default {@code standard}
 * @param agentUpdateSchedule rate or cron (SSM syntax) of the AWS-UpdateSSMAgent association; default right after
 *                            the Install window of the group with the longest delay closes
 *                            (late's: {@code cron(0 6 ? * TUE#4 *)})
 */
@ConfigurationProperties("crosspatch.patching.desired-state")
public record DesiredStateProperties(
        Map<ManagedOs, List<Rule>> approvalRules,
        List<Group> groups,
        String customGroupTemplate,
        Window window,
        String scanSchedule,
        String inventorySchedule,
        @Nullable String policyName,
        @Nullable String agentUpdateSchedule) {

    /**
     * One approval rule: SSM patch filters and the compliance level of what it approves.
     *
     * @param filters         SSM patch filters by key (PRODUCT, CLASSIFICATION, SEVERITY, …) and accepted values
     * @param complianceLevel the compliance level of the patches the rule approves (CRITICAL, HIGH, …)
     */
    public record Rule(Map<String, List<String>> filters, String complianceLevel) {}

    /**
     * One standard patch group.
     *
     * @param name            the group's name, the {@code Patch Group} tag a VM carries
     * @param delayDays       days a patch waits after release before the group installs it
     * @param installSchedule cron (SSM syntax) of the group's Install window
     * @param scheduleOffset  days after the cron's day the window runs (SSM's schedule offset), if any
     */
    public record Group(String name, int delayDays, String installSchedule, Integer scheduleOffset) {}

    /**
     * How Install windows run.
     *
     * @param durationHours  length of an Install window, in hours
     * @param cutoffHours    hours before the window's end that no new task starts
     * @param maxConcurrency how many (or what percentage of) nodes install at once
     * @param maxErrors      how many (or what percentage of) failures stop the window
     */
    public record Window(int durationHours, int cutoffHours, String maxConcurrency, String maxErrors) {}

    public DesiredState toDesiredState() {
        List<PatchGroupPolicy> standardGroups = groups.stream()
                .map(g -> new PatchGroupPolicy(g.name(), g.delayDays(), g.installSchedule(), g.scheduleOffset()))
                .toList();
        WindowPolicy windowPolicy = new WindowPolicy(
                window.durationHours(), window.cutoffHours(), window.maxConcurrency(), window.maxErrors());
        Map<ManagedOs, List<ApprovalRule>> rules = new EnumMap<>(ManagedOs.class);
        approvalRules.forEach((os, osRules) -> rules.put(
                os,
                osRules.stream()
                        .map(rule -> new ApprovalRule(rule.filters(), rule.complianceLevel()))
                        .toList()));
        return new DesiredState(
                policyName == null || policyName.isBlank() ? DesiredState.STANDARD_POLICY : policyName,
                rules,
                standardGroups,
                customGroupTemplate,
                windowPolicy,
                scanSchedule,
                inventorySchedule,
                agentUpdateSchedule == null || agentUpdateSchedule.isBlank()
                        ? AgentUpdateSchedule.afterLatestWindow(standardGroups, windowPolicy)
                        : agentUpdateSchedule);
    }
}
