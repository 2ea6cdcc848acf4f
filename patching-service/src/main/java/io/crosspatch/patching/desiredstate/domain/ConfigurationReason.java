package io.crosspatch.patching.desiredstate.domain;

import java.util.Optional;

/** Why a reconcile changed a system account's configuration. */
public enum ConfigurationReason {
    /** The account held no desired state before. */
    FIRST_APPLIED,
    /** The account's plan (its policy, or its custom groups) differs from the one it last held. */
    POLICY_CHANGED,
    /** The plan is unchanged, but the account's SSM was not as the plan says: someone changed or deleted a part. */
    DRIFT_REPAIRED;

    /** The reason for a reconcile that changed something, from the hash the account held before and its plan's. */
    public static ConfigurationReason of(Optional<String> heldHash, String planHash) {
        if (heldHash.isEmpty()) {
            return FIRST_APPLIED;
        }
        return heldHash.get().equals(planHash) ? DRIFT_REPAIRED : POLICY_CHANGED;
    }
}
