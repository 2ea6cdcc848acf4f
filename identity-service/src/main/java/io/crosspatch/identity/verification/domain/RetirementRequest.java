package io.crosspatch.identity.verification.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Objects;

/**
 * An admin's request to retire one instance, as audited and handed to patching-service: the request id (the
 * admin's receipt, and what makes a redelivered request harmless), who asked, when and why.
 */
public record RetirementRequest(
        String requestId,
        String tenantId,
        CloudProvider provider,
        String cloudAccountId,
        String instanceId,
        Instant requestedAt,
        String requestedBy,
        String reason) {

    public RetirementRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public CloudAccountKey cloudAccountKey() {
        return new CloudAccountKey(provider, cloudAccountId);
    }
}
