package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;

/**
 * System accounts released by offboarding: every feature that would start something in a system account (an
 * activation above all) asks here first, so nothing new appears in an account that is being emptied.
 */
public interface ReleasedSystemAccounts {

    /** Marks the account released (an upsert: repeating it changes nothing). */
    void markReleased(String accountId, CloudAccountKey cloudAccountKey, Instant at);

    boolean isReleased(String accountId);
}
