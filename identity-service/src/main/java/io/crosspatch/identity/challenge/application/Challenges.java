package io.crosspatch.identity.challenge.application;

import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.challenge.domain.NonceUse;
import java.time.Instant;

/**
 * The issued nonces and who used them: the port the challenge endpoint issues through and the verifier uses a
 * nonce up through. Using one must be atomic across verifier instances, so that of two enrollments racing with one
 * nonce exactly one wins.
 */
public interface Challenges {

    void save(Challenge challenge);

    /**
     * Uses up {@code nonce} for {@code enrollmentId} if it is unexpired at {@code now} and unused. Idempotent for the
     * same enrollment: a redelivered record that already consumed the nonce gets {@link NonceUse#CONSUMED} again.
     */
    NonceUse consume(String nonce, String enrollmentId, Instant now);
}
