package io.crosspatch.patching.desiredstate.domain;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One approval rule of an OS's baselines, without its delay: the patch filters (SSM filter key → values) and the
 * compliance level of what it approves. The delay is the patch group's, added when a baseline is planned.
 */
public record ApprovalRule(SortedMap<String, List<String>> filters, String complianceLevel) {

    public ApprovalRule(Map<String, List<String>> filters, String complianceLevel) {
        this(sorted(filters), complianceLevel);
    }

    public ApprovalRule {
        filters = sorted(filters);
    }

    private static SortedMap<String, List<String>> sorted(Map<String, List<String>> filters) {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        filters.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return copy;
    }
}
