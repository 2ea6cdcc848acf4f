package io.crosspatch.patching.desiredstate.domain;

import java.util.List;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/** An approval rule as it must stand in a baseline: filters, compliance level, and the delay when the OS has one. */
public record RuleSpec(
        SortedMap<String, List<String>> filters,
        String complianceLevel,
        @Nullable Integer approveAfterDays) {}
