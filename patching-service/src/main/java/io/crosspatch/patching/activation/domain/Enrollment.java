package io.crosspatch.patching.activation.domain;

import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.Objects;

/**
 * One VM's enrollment as patching-service handles it: who it is (tenant, provider, cloud account, instance,
 * hostname, OS, patch group) and the system account whose SSM will manage it. Mapped out of {@code account.ready}.
 */
public record Enrollment(String enrollmentId, String tenantId, String provider, String cloudAccountId,
        String cloudAccountName, String instanceId, String hostname, String operatingSystem, String patchGroup,
        SystemAccountRef account) {

    public Enrollment {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(account, "account");
    }

    /** {@code <provider>:<cloudAccountId>}, the key of every event about this enrollment's account. */
    public String cloudAccountKey() {
        return provider.toLowerCase(java.util.Locale.ROOT) + ":" + cloudAccountId;
    }
}
