package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import java.time.Instant;
import java.util.List;

/**
 * The known system accounts as the schedules and the desired-state feature read and update them: all of them (one
 * small record each), and which desired state each one holds.
 */
public interface AccountLedger {

    /** Every known account. */
    List<KnownAccount> all();

    /** Records that the account now holds the desired state of this hash. */
    void markApplied(String accountId, String desiredStateHash, Instant at);
}
