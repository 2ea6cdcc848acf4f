package io.crosspatch.simulator.ssm.patching;

import io.crosspatch.simulator.ssm.PatchBaseline;
import io.crosspatch.simulator.ssm.PatchFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an SSM patch baseline as the approval rules the simulation evaluates. */
final class BaselineRulesMapping {

    private BaselineRulesMapping() {}

    static BaselineRules of(PatchBaseline baseline) {
        List<BaselineRules.Rule> rules = baseline.approvalRules().stream()
                .map(rule -> new BaselineRules.Rule(
                        filters(rule.filters()),
                        rule.approveAfterDays(),
                        rule.approveUntilDate(),
                        rule.complianceLevel()))
                .toList();
        return new BaselineRules(
                baseline.baselineId(),
                baseline.operatingSystem().name(),
                filters(baseline.globalFilters()),
                rules,
                baseline.approvedPatches(),
                baseline.rejectedPatches());
    }

    private static Map<String, List<String>> filters(List<PatchFilter> filters) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        filters.forEach(filter -> byKey.put(filter.key(), filter.values()));
        return byKey;
    }
}
