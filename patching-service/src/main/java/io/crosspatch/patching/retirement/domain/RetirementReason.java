package io.crosspatch.patching.retirement.domain;

/** Why an instance was retired; the symbols of {@code instance.retired}'s {@code RetirementReason}. */
public enum RetirementReason {
    /** Its node had been ConnectionLost for longer than the tenant's age. */
    CONNECTION_LOST,
    /** An admin asked for it. */
    REQUESTED,
    /** Its activation expired with no node registered. */
    ACTIVATION_EXPIRED,
    /** Its cloud account was offboarded. */
    ACCOUNT_OFFBOARDED
}
