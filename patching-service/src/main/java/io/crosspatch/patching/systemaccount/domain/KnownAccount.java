package io.crosspatch.patching.systemaccount.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.util.Optional;
import java.util.Set;

/**
 * A system account patching-service has seen, with the cloud account it serves (whose key decides which instance
 * looks after it), the custom patch groups its enrollments asked for and the hash of the desired state last applied
 * to it (empty until the first reconcile succeeded).
 */
public record KnownAccount(
        SystemAccountRef account,
        CloudAccountKey cloudAccountKey,
        Set<String> customGroups,
        Optional<String> appliedDesiredStateHash) {

    public KnownAccount {
        customGroups = Set.copyOf(customGroups);
    }
}
