package io.crosspatch.simulator.ssm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A patch baseline: a custom one of the account ({@code pb-…}) or one of AWS's predefined baselines (an ARN id,
 * {@link #awsOwned()}), which every account sees. Which patches it approves is the patching engine's business; this
 * is the baseline exactly as the API defined it.
 *
 * @param approvedPatchesComplianceLevel  UNSPECIFIED unless given
 * @param rejectedPatchesAction           ALLOW_AS_DEPENDENCY (default) or BLOCK
 * @param availableSecurityUpdatesComplianceStatus  COMPLIANT, NON_COMPLIANT or null (Windows only)
 */
public record PatchBaseline(
        String baselineId,
        String name,
        OperatingSystem operatingSystem,
        @Nullable String description,
        List<PatchFilter> globalFilters,
        List<PatchRule> approvalRules,
        List<String> approvedPatches,
        String approvedPatchesComplianceLevel,
        boolean approvedPatchesEnableNonSecurity,
        List<String> rejectedPatches,
        String rejectedPatchesAction,
        List<PatchSource> sources,
        @Nullable String availableSecurityUpdatesComplianceStatus,
        Instant createdDate,
        Instant modifiedDate,
        boolean awsOwned,
        Map<String, String> tags) {

    public PatchBaseline {
        globalFilters = List.copyOf(globalFilters);
        approvalRules = List.copyOf(approvalRules);
        approvedPatches = List.copyOf(approvedPatches);
        rejectedPatches = List.copyOf(rejectedPatches);
        sources = List.copyOf(sources);
        tags = Tags.copyOf(tags);
    }

    PatchBaseline withTags(Map<String, String> newTags) {
        return new PatchBaseline(
                baselineId,
                name,
                operatingSystem,
                description,
                globalFilters,
                approvalRules,
                approvedPatches,
                approvedPatchesComplianceLevel,
                approvedPatchesEnableNonSecurity,
                rejectedPatches,
                rejectedPatchesAction,
                sources,
                availableSecurityUpdatesComplianceStatus,
                createdDate,
                modifiedDate,
                awsOwned,
                newTags);
    }
}
