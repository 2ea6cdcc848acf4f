package io.crosspatch.account.vending.domain;

/** Where the closure of a released system account stands. */
public enum ClosureState {
    /** Released by patching-service; CloseAccount is due at the end of the grace period (or again after a refusal). */
    RELEASED,
    /** Organizations accepted CloseAccount (or the account was closed already): nothing is left to do. */
    CLOSED
}
