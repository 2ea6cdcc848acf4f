package io.crosspatch.simulator.ssm.patching;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a patch baseline says about approval, reduced to what the simulation evaluates.
 *
 * @param globalFilters    filters every patch must pass (key → values, {@code *} matches all)
 * @param rules            approval rules; a patch is approved when one of them approves it
 * @param approvedPatches  ids approved whatever the rules say
 * @param rejectedPatches  ids never approved
 */
public record BaselineRules(
        String baselineId,
        String operatingSystem,
        Map<String, List<String>> globalFilters,
        List<Rule> rules,
        List<String> approvedPatches,
        List<String> rejectedPatches) {

    /**
     * One approval rule.
     *
     * @param approveAfterDays  days after release before the rule approves a patch; null when not set (always
     *                          the case for Ubuntu and Debian, whose repositories carry no release dates)
     * @param approveUntilDate  approve only patches released on or before this date; null when not set
     */
    public record Rule(
            Map<String, List<String>> filters,
            @Nullable Integer approveAfterDays,
            @Nullable LocalDate approveUntilDate,
            String complianceLevel) {}
}
