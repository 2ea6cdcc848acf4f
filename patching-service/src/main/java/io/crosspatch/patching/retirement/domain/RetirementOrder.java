package io.crosspatch.patching.retirement.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to retire one instance of a cloud account, whoever asks: an admin ({@link RetirementReason#REQUESTED},
 * with who and the request id) or the offboarding of its account ({@link RetirementReason#ACCOUNT_OFFBOARDED}).
 */
public record RetirementOrder(
        CloudAccountKey cloudAccount,
        String instanceId,
        RetirementReason reason,
        Optional<String> requestedBy,
        Optional<String> requestId) {

    public RetirementOrder {
        Objects.requireNonNull(cloudAccount, "cloudAccount");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestId, "requestId");
    }
}
