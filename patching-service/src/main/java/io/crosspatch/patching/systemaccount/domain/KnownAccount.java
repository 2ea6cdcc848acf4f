package io.crosspatch.patching.systemaccount.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.util.Optional;
import java.util.Set;

/**
 * A system account patching-service has seen, with the cloud account it serves (whose key decides which instance
 * looks after it), the custom patch groups its enrollments asked for, the hash of the desired state last applied
 * to it (empty until the first reconcile succeeded) and the tenant that owns the cloud account (empty for an account
 * recorded before tenants were, until its next enrollment).
 */
public record KnownAccount(
        SystemAccountRef account,
        CloudAccountKey cloudAccountKey,
        Set<String> customGroups,
        Optional<String> appliedDesiredStateHash,
        Optional<String> tenantId) {

    public KnownAccount {
        customGroups = Set.copyOf(customGroups);
    }
}
