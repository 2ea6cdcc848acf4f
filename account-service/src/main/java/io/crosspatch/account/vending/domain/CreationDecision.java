package io.crosspatch.account.vending.domain;

/** What account vending does after a CreateAccount call or creation did not succeed. */
public enum CreationDecision {
    /** Nothing was created and nothing is pending: send CreateAccount again after a back-off. */
    CREATE_AGAIN,
    /** Organizations refused for now (throttling, too many creations in progress): queue and retry later. */
    RETRY_LATER,
    /** Whether a creation exists is unknown (5xx, timeout, a concurrent request with our data): look for it first. */
    FIND_EXISTING,
    /** An account with our e-mail already exists: adopt it when its tags say it is this cloud account's, else fail. */
    ADOPT_IF_OURS,
    /** Creating again cannot succeed without an operator: fail the waiting enrollments. */
    TERMINAL
}
