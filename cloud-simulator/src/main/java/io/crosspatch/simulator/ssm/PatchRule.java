package io.crosspatch.simulator.ssm;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One approval rule of a patch baseline: the patches its filters match are approved {@code approveAfterDays} after
 * their release, or when released on or before {@code approveUntilDate}. For Ubuntu and Debian neither is allowed
 * (their repositories carry no release dates) and matching patches are approved at once.
 *
 * @param approveAfterDays  0–360, or null
 * @param approveUntilDate  or null
 * @param complianceLevel   CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNSPECIFIED
 */
public record PatchRule(
        List<PatchFilter> filters,
        String complianceLevel,
        @Nullable Integer approveAfterDays,
        @Nullable LocalDate approveUntilDate,
        boolean enableNonSecurity) {

    public PatchRule {
        filters = List.copyOf(filters);
    }
}
