package io.crosspatch.servicekit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand, so back-offs, leases, cache lifetimes and refresh intervals pass in no time and a
 * test says exactly how much time went by. The one such clock of the services' tests (they once each kept their own
 * {@code Clock} subclass). Safe to read from the threads of the code under test while the test moves it.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward (or, with a negative duration, back) by {@code duration}. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock itself: the code under test must see the same moves whatever zone it asks for. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
