package io.crosspatch.patching.retirement.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The retirement of one enrollment: what is undone in SSM (its node, its activation), why, and the id and time of
 * the {@code instance.retired} event. Decided once and stored before anything is undone, so a retirement resumed
 * after a crash publishes the very same event.
 */
public record Retirement(
        String systemAccountId,
        String enrollmentId,
        String tenantId,
        CloudProvider provider,
        String cloudAccountId,
        String instanceId,
        Optional<String> managedInstanceId,
        Optional<String> activationId,
        RetirementReason reason,
        Optional<String> requestedBy,
        Optional<String> requestId,
        UUID eventId,
        Instant retiredAt) {

    public Retirement {
        Objects.requireNonNull(systemAccountId, "systemAccountId");
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(managedInstanceId, "managedInstanceId");
        Objects.requireNonNull(activationId, "activationId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    /** The cloud account the VM belonged to, the key the event is published under. */
    public CloudAccountKey cloudAccountKey() {
        return new CloudAccountKey(provider, cloudAccountId);
    }
}
