package io.crosspatch.patching.activation.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.Objects;

/**
 * One VM's enrollment as patching-service handles it: who it is (tenant, provider, cloud account, instance,
 * hostname, OS, patch group) and the system account whose SSM will manage it. Mapped out of {@code account.ready}.
 */
public record Enrollment(
        String enrollmentId,
        String tenantId,
        CloudProvider provider,
        String cloudAccountId,
        String cloudAccountName,
        String instanceId,
        String hostname,
        String operatingSystem,
        String patchGroup,
        SystemAccountRef account) {

    public Enrollment {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(account, "account");
    }

    /** The key of every event about this enrollment's cloud account ({@code gcp:acme-prod}). */
    public CloudAccountKey cloudAccountKey() {
        return new CloudAccountKey(provider, cloudAccountId);
    }
}
