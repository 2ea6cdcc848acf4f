package io.crosspatch.simulator.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulator's notion of now: real time plus an offset that tests and the local platform advance, so a
 * 14-day approval delay or a monthly maintenance window happens in a second. Whatever AWS does "by itself"
 * (account creation finishing, windows running, agents going quiet) is driven from this clock.
 */
public final class SimClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    public SimClock(Clock base) {
        this.base = base;
    }

    public static SimClock systemUtc() {
        return new SimClock(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** How far this clock is ahead of real time: the sum of every {@link #advance}. */
    public Duration offset() {
        return offset;
    }

    /** Moves time forward and lets everything that waits on time catch up, in order, before returning. */
    public synchronized Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(by);
        Instant now = instant();
        listeners.forEach(listener -> listener.accept(now));
        return now;
    }

    /** Called with the new time after every {@link #advance} (and by the simulator's ticker in real time). */
    public void onTick(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    /** Runs the tick listeners at the current time without moving it. */
    public synchronized void tick() {
        Instant now = instant();
        listeners.forEach(listener -> listener.accept(now));
    }
}
