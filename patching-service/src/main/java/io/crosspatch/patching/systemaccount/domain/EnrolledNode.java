package io.crosspatch.patching.systemaccount.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed node that matched an enrollment, with the enrollment's identity (so compliance collection reads one
 * partition per account, not one row per node) and what was last published about it: the marker of the patch
 * operation its details were read for, the fingerprint of the last published state, and that state itself.
 */
public record EnrolledNode(
        String managedInstanceId,
        String enrollmentId,
        String tenantId,
        CloudProvider provider,
        String cloudAccountId,
        String cloudAccountName,
        String instanceId,
        String hostname,
        String operatingSystem,
        String patchGroup,
        Optional<String> operationMarker,
        Optional<String> fingerprint,
        Optional<ResultBytes> lastResult) {

    public EnrolledNode {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operationMarker, "operationMarker");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(lastResult, "lastResult");
    }

    /** Whether both nodes were enrolled for the same VM (a re-enrollment registers a second node for it). */
    public boolean sameInstanceAs(EnrolledNode other) {
        return provider == other.provider
                && cloudAccountId.equals(other.cloudAccountId)
                && instanceId.equals(other.instanceId);
    }

    /** The cloud account the node's VM belongs to, the key its events are published under. */
    public CloudAccountKey cloudAccountKey() {
        return new CloudAccountKey(provider, cloudAccountId);
    }
}
