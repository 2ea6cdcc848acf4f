package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.ApprovalRule;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.desiredstate.domain.ManagedOs;
import io.crosspatch.patching.desiredstate.domain.PatchGroupPolicy;
import io.crosspatch.patching.desiredstate.domain.WindowPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desired state as configuration ({@code patching-desired-state.yml}, overridable like any property): per-OS
 * approval rules, the standard patch groups, the template of custom groups, window settings and schedules.
 */
@ConfigurationProperties("crosspatch.patching.desired-state")
public record DesiredStateProperties(Map<ManagedOs, List<Rule>> approvalRules, List<Group> groups,
        String customGroupTemplate, Window window, String scanSchedule, String inventorySchedule) {

    /** One approval rule: SSM patch filters and the compliance level of what it approves. */
    public record Rule(Map<String, List<String>> filters, String complianceLevel) {
    }

    /** One standard patch group. */
    public record Group(String name, int delayDays, String installSchedule, Integer scheduleOffset) {
    }

    /** How Install windows run. */
    public record Window(int durationHours, int cutoffHours, String maxConcurrency, String maxErrors) {
    }

    public DesiredState toDesiredState() {
        Map<ManagedOs, List<ApprovalRule>> rules = new EnumMap<>(ManagedOs.class);
        approvalRules.forEach((os, osRules) -> rules.put(os, osRules.stream()
                .map(rule -> new ApprovalRule(rule.filters(), rule.complianceLevel())).toList()));
        return new DesiredState(rules,
                groups.stream().map(g -> new PatchGroupPolicy(g.name(), g.delayDays(), g.installSchedule(), g.scheduleOffset()))
                        .toList(),
                customGroupTemplate,
                new WindowPolicy(window.durationHours(), window.cutoffHours(), window.maxConcurrency(), window.maxErrors()),
                scanSchedule, inventorySchedule);
    }
}
