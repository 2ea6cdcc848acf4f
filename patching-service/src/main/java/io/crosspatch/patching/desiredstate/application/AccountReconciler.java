package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.AccountPlan;
import io.crosspatch.patching.desiredstate.domain.AppliedChanges;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;

/**
 * Brings one system account's patch configuration to a plan (a port; SSM behind it): read what is there, apply only
 * the difference, and survive being broken off half-way.
 */
public interface AccountReconciler {

    /** Applies {@code plan} to {@code account}; answers the mutating calls it needed, per kind of resource. */
    AppliedChanges reconcile(SystemAccountRef account, AccountPlan plan);
}
