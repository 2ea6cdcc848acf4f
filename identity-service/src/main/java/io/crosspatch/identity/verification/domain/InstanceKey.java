package io.crosspatch.identity.verification.domain;

import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Objects;

/**
 * One instance for trust on first use: provider, cloud account, instance id and the instance's creation time, so
 * that a new VM which reuses an old id (where a provider allows that) is a new instance, and a replayed identity of
 * an enrolled one is not. Providers that do not sign a creation time use {@link #UNKNOWN_CREATION}: Azure, VMware and
 * AWS (whose signed {@code pendingTime} is the last launch, which a stop/start moves; EC2 never reuses an id).
 */
public record InstanceKey(CloudProvider provider, String cloudAccountId, String instanceId, Instant createdAt) {

    /** Stands for "the signed identity does not say" (the storage key cannot hold a null). */
    public static final Instant UNKNOWN_CREATION = Instant.EPOCH;

    public InstanceKey {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(cloudAccountId, "cloudAccountId");
        Objects.requireNonNull(instanceId, "instanceId");
        createdAt = createdAt == null ? UNKNOWN_CREATION : createdAt;
    }
}
