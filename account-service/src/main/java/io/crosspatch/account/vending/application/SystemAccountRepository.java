package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The system accounts, with the conditional writes that make "one account per cloud account" hold: a claim that
 * only the first writer wins, and transitions that only apply to the version they were computed from.
 */
public interface SystemAccountRepository {

    Optional<SystemAccount> find(CloudAccountKey key);

    /** Inserts a claim unless one exists; true when this call made the claim. */
    boolean claim(SystemAccount account);

    /** Writes {@code next} only if the stored row is still at {@code next.version() - 1}; true when it was written. */
    boolean transition(SystemAccount next);

    /**
     * Deletes the cloud account's row if it is still at {@code account.version()}, with its tenant-view copy and its
     * work-list entry, so that the next enrollment claims a new system account; true when it was deleted.
     */
    boolean remove(SystemAccount account);

    List<SystemAccount> byTenant(String tenantId);

    /** The work list of a bucket: the cloud accounts not yet settled, with their state and due time. */
    List<WorkItem> workList(int bucket);

    /** Puts the account on (or refreshes it in) its bucket's work list. */
    void markWork(SystemAccount account);

    void removeWork(int bucket, CloudAccountKey key);

    /** One line of a work list. */
    record WorkItem(CloudAccountKey key, SystemAccountState state, Instant nextAttemptAt) {}
}
