package io.crosspatch.patching.offboarding.domain;

/**
 * The last step of an offboarding that is done, in order: a crash resumes at the step after it. Each step is
 * idempotent (what is already gone is fine), so doing one twice is harmless.
 */
public enum OffboardingStep {
    /** The system account issues no activation any more and no schedule looks after it. */
    STOPPED,
    /** Every managed node of the account is retired (deregistered). */
    NODES_RETIRED,
    /** Every remaining activation is deleted. */
    ACTIVATIONS_DELETED,
    /** The maintenance windows (with targets and tasks), patch-group registrations, baselines and associations are gone. */
    CONFIGURATION_REMOVED,
    /** What the service recorded of the account (activations, nodes) is forgotten. */
    FORGOTTEN,
    /** {@code account.released} is published: account-service may close the account. Done. */
    RELEASED;

    public boolean done() {
        return this == RELEASED;
    }

    public OffboardingStep next() {
        return values()[Math.min(ordinal() + 1, RELEASED.ordinal())];
    }
}
