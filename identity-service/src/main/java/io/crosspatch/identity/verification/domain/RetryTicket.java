package io.crosspatch.identity.verification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an enrollment stands that is parked because a trust source it needs (an issuer's JWKS) cannot be read:
 * how many times it was tried, since when it waits, and when it is due again. Travels with the parked record, so any
 * verifier instance can pick it up.
 *
 * @param attempt how many verifications have found the trust source unavailable
 * @param since   when it was first found unavailable (the give-up clock runs from here)
 * @param due     when to verify it again
 */
public record RetryTicket(int attempt, Instant since, Instant due) {

    /** How long to wait from {@code now} until the ticket is due (zero if it is). */
    public Duration waitFrom(Instant now) {
        return now.isBefore(due) ? Duration.between(now, due) : Duration.ZERO;
    }
}
