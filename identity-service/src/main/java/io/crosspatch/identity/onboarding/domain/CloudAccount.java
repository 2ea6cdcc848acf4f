package io.crosspatch.identity.onboarding.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A customer cloud account onboarded to a tenant: the only thing that lets a VM of that account enroll. The
 * patch groups a VM may ask for are the three standard ones plus the account's allowed custom groups.
 */
public record CloudAccount(
        String provider,
        String cloudAccountId,
        String tenantId,
        String displayName,
        String defaultPatchGroup,
        String awsRegion,
        Set<String> allowedPatchGroups,
        Instant updatedAt) {

    /** The groups every account has; each has baselines and windows in every system account. */
    public static final Set<String> STANDARD_PATCH_GROUPS = Set.of("early", "on-time", "late");

    public CloudAccount {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(cloudAccountId, "cloudAccountId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(defaultPatchGroup, "defaultPatchGroup");
        Objects.requireNonNull(awsRegion, "awsRegion");
        allowedPatchGroups = allowedPatchGroups == null ? Set.of() : Set.copyOf(allowedPatchGroups);
    }

    /** The account's key, e.g. {@code gcp:acme-prod}: the Kafka key of its events. */
    public CloudAccountKey key() {
        return new CloudAccountKey(CloudProvider.parse(provider), cloudAccountId);
    }

    /** Whether a VM of this account may be in {@code patchGroup}. */
    public boolean allows(String patchGroup) {
        return STANDARD_PATCH_GROUPS.contains(patchGroup) || allowedPatchGroups.contains(patchGroup);
    }
}
