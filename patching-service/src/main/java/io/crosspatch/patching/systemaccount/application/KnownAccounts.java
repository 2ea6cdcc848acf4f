package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.Optional;
import java.util.Set;

/**
 * The system accounts patching-service has seen, with their custom patch groups, as other features record and
 * read them. Custom groups are only ever added: concurrent intakes of one account cannot lose each other's.
 */
public interface KnownAccounts {

    Optional<KnownAccount> find(String accountId);

    /**
     * Records the account and the tenant that owns its cloud account (idempotent) and adds {@code customGroups} to the
     * ones it already had.
     */
    KnownAccount remember(
            SystemAccountRef account, CloudAccountKey cloudAccountKey, String tenantId, Set<String> customGroups);

    /**
     * Takes the account off every schedule (reconcile, registration, compliance, inventory) and keeps what was
     * recorded of its activations and nodes, which offboarding still needs to retire them. Idempotent.
     */
    void unschedule(String accountId);

    /**
     * Forgets the account and what was recorded of its activations and nodes: no schedule looks after it any more
     * (offboarding, once its nodes are retired). Idempotent.
     */
    void forget(String accountId);
}
