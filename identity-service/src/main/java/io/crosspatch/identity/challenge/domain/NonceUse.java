package io.crosspatch.identity.challenge.domain;

/** What happened when an enrollment tried to use up a nonce. */
public enum NonceUse {
    /** The nonce was unused and unexpired; it now belongs to this enrollment (or already did: a redelivery). */
    CONSUMED,
    /** No such nonce was ever issued (or it expired long ago and its row is gone). */
    UNKNOWN,
    /** Issued, but its five minutes are over. */
    EXPIRED,
    /** Another enrollment already used it: a replay. */
    REUSED
}
