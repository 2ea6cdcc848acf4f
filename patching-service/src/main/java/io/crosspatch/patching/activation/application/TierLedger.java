package io.crosspatch.patching.activation.application;

import java.time.Instant;

/** Which system accounts are known to be in SSM's advanced-instances tier, so SSM is asked only once. */
public interface TierLedger {

    boolean knownAdvanced(String accountId);

    void rememberAdvanced(String accountId, Instant at);
}
