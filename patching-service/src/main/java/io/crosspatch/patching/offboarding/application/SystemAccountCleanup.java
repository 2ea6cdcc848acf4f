package io.crosspatch.patching.offboarding.application;

import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;

/**
 * Removes what patching-service created in a system account, every call within the account's SSM budget and each
 * idempotent (what is already gone is fine).
 */
public interface SystemAccountCleanup {

    /**
     * Deregisters every managed node still registered in the account: those the retirement did not know of (an agent
     * that registered after the registration watcher's last look); answers how many were deregistered.
     */
    int deregisterRemainingNodes(SystemAccountRef account);

    /** Deletes every hybrid activation of the account; answers how many were deleted. */
    int deleteActivations(SystemAccountRef account);

    /**
     * Removes the SSM configuration: associations, maintenance windows (their targets and tasks go with them),
     * patch-group registrations and the custom baselines; answers how many resources were removed.
     */
    int removeConfiguration(SystemAccountRef account);
}
