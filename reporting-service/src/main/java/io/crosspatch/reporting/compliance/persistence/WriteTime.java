package io.crosspatch.reporting.compliance.persistence;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cassandra write times. Event data is written at the event's own time in microseconds, which is what makes an
 * older event lose against a newer state whatever order they arrive in; recomputed aggregates are written at a
 * strictly increasing local time so the latest recomputation wins.
 */
final class WriteTime {

    private static final AtomicLong LAST_RECOMPUTATION = new AtomicLong();

    private WriteTime() {}

    /** The write time of data that an event with this time carries. */
    static long of(Instant eventTime) {
        return Math.multiplyExact(eventTime.toEpochMilli(), 1000L);
    }

    /** A write time later than any this JVM handed out for recomputations before. */
    static long forRecomputation() {
        long now = Math.multiplyExact(System.currentTimeMillis(), 1000L);
        return LAST_RECOMPUTATION.updateAndGet(last -> Math.max(last + 1, now));
    }
}
