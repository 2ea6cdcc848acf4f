package io.crosspatch.patching.support;

import io.crosspatch.patching.activation.application.ActivationTiers;
import io.crosspatch.patching.activation.application.TierLedger;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SSM's activation tier per system account ({@link ActivationTiers}) and what the service remembers of it
 * ({@link TierLedger}) in memory, with a record of every question and switch.
 */
public final class InMemoryActivationTiers implements ActivationTiers, TierLedger {

    private final Set<String> advancedInSsm = ConcurrentHashMap.newKeySet();
    private final Set<String> remembered = ConcurrentHashMap.newKeySet();
    /** Accounts whose tier SSM was asked for, in order. */
    public final List<String> asked = new CopyOnWriteArrayList<>();
    /** Accounts switched to the advanced tier, in order. */
    public final List<String> switched = new CopyOnWriteArrayList<>();

    /** Someone (an operator) already switched the account in SSM. */
    public void advancedInSsm(SystemAccountRef account) {
        advancedInSsm.add(account.accountId());
    }

    @Override
    public boolean advanced(SystemAccountRef account) {
        asked.add(account.accountId());
        return advancedInSsm.contains(account.accountId());
    }

    @Override
    public void switchToAdvanced(SystemAccountRef account) {
        switched.add(account.accountId());
        advancedInSsm.add(account.accountId());
    }

    @Override
    public boolean knownAdvanced(String accountId) {
        return remembered.contains(accountId);
    }

    @Override
    public void rememberAdvanced(String accountId, Instant at) {
        remembered.add(accountId);
    }
}
