package io.crosspatch.simulator.ssm.patching;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Patch Manager's approval logic: explicit rejections win, explicit approvals come next, otherwise a patch
 * must pass the global filters and one rule's filters, and be old enough (ApproveAfterDays) or early enough
 * (ApproveUntilDate) for that rule.
 */
public final class PatchApproval {

    private PatchApproval() {}

    public static boolean isApproved(CataloguePatch patch, BaselineRules baseline, Instant now) {
        if (baseline.rejectedPatches().contains(patch.id())) {
            return false;
        }
        if (baseline.approvedPatches().contains(patch.id())) {
            return true;
        }
        if (!matches(patch, baseline.globalFilters())) {
            return false;
        }
        return baseline.rules().stream().anyMatch(rule -> matches(patch, rule.filters()) && timely(patch, rule, now));
    }

    public static boolean isRejected(CataloguePatch patch, BaselineRules baseline) {
        return baseline.rejectedPatches().contains(patch.id());
    }

    private static boolean timely(CataloguePatch patch, BaselineRules.Rule rule, Instant now) {
        if (rule.approveAfterDays() != null) {
            return !patch.releaseDate()
                    .plus(Duration.ofDays(rule.approveAfterDays()))
                    .isAfter(now);
        }
        if (rule.approveUntilDate() != null) {
            return !patch.releaseDate().atZone(ZoneOffset.UTC).toLocalDate().isAfter(rule.approveUntilDate());
        }
        return true;
    }

    static boolean matches(CataloguePatch patch, Map<String, List<String>> filters) {
        return filters.entrySet().stream()
                .allMatch(filter -> matches(attribute(patch, filter.getKey()), filter.getValue()));
    }

    private static boolean matches(@Nullable String value, List<String> accepted) {
        return accepted.contains("*") || (value != null && accepted.contains(value));
    }

    /** The patch attribute a filter key refers to; unknown keys match nothing but {@code *}. */
    private static @Nullable String attribute(CataloguePatch patch, String key) {
        return switch (key) {
            case "CLASSIFICATION" -> patch.classification();
            case "MSRC_SEVERITY", "SEVERITY" -> patch.severity();
            case "PRIORITY" -> patch.priority();
            case "SECTION" -> patch.section();
            case "PRODUCT" -> patch.product();
            default -> null;
        };
    }
}
