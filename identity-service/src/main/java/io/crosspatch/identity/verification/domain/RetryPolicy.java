package io.crosspatch.identity.verification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an enrollment waits for a trust source that is down: an exponential back-off from {@code firstDelay}
 * (doubling, at most {@code maxDelay}) for up to {@code giveUpAfter}, then it is given up as
 * {@link RejectionReason#TRUST_SOURCE_UNAVAILABLE} (the VM may enroll again). Long on purpose: an issuer's outage is
 * no fault of the VM, and giving up only makes its owner start over.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    public RetryPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < first-delay <= max-delay");
        }
    }

    /** The ticket of an enrollment that found its trust source unavailable for the first time. */
    public RetryTicket first(Instant now) {
        return new RetryTicket(1, now, now.plus(firstDelay));
    }

    /** The next ticket after another failed try, or empty once the enrollment has waited {@code giveUpAfter}. */
    public Optional<RetryTicket> next(RetryTicket previous, Instant now) {
        if (!now.isBefore(previous.since().plus(giveUpAfter))) {
            return Optional.empty();
        }
        Duration delay = firstDelay;
        for (int i = 0; i < previous.attempt() && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        delay = delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        return Optional.of(new RetryTicket(previous.attempt() + 1, previous.since(), now.plus(delay)));
    }
}
