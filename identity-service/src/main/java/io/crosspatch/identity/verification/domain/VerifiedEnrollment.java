package io.crosspatch.identity.verification.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An enrollment that passed every check: the proven identity mapped to its tenant, with the patch group and OS
 * resolved. Everything {@code identity.verified} carries.
 */
public record VerifiedEnrollment(
        String enrollmentId,
        String tenantId,
        CloudProvider provider,
        String cloudAccountId,
        String cloudAccountName,
        String instanceId,
        @Nullable String instanceName,
        @Nullable String location,
        String hostname,
        ManagedOs operatingSystem,
        @Nullable String osVersion,
        String patchGroup,
        String awsRegion,
        @Nullable Instant instanceCreatedAt,
        Map<String, String> labels) {

    public VerifiedEnrollment {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** {@code <provider>:<cloudAccountId>}, the key of its events. */
    public CloudAccountKey cloudAccountKey() {
        return new CloudAccountKey(provider, cloudAccountId);
    }
}
