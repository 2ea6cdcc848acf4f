package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;

/**
 * A system account's SSM activation tier (service setting {@code /ssm/managed-instance/activation-tier}). Transient
 * refusals (throttling, server errors, a concurrent update) are {@link ActivationUnavailableException}; any other
 * is {@link ActivationRejectedException}.
 */
public interface ActivationTiers {

    /** Whether the account's hybrid nodes are in the advanced-instances tier in its region. */
    boolean advanced(SystemAccountRef account);

    /** Switches the account to the advanced-instances tier in its region. */
    void switchToAdvanced(SystemAccountRef account);
}
