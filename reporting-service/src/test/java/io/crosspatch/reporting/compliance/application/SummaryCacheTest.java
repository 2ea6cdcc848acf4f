package io.crosspatch.reporting.compliance.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.servicekit.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A tenant's summary is reused for its time-to-live, per tenant, and never when the TTL is zero. */
class SummaryCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-05T12:00:00Z");

    @Test
    void reusesATenantsSummaryUntilItExpires() {
        AtomicInteger reads = new AtomicInteger();
        SummaryCache<Integer> fresh = new SummaryCache<>(Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC));

        fresh.get("acme", tenant -> reads.incrementAndGet());
        int second = fresh.get("acme", tenant -> reads.incrementAndGet());
        fresh.get("globex", tenant -> reads.incrementAndGet());

        assertThat(second).isEqualTo(1);
        assertThat(reads).hasValue(2);
    }

    @Test
    void readsAgainAfterTheTimeToLive() {
        MutableClock clock = new MutableClock(NOW);
        SummaryCache<Instant> cache = new SummaryCache<>(Duration.ofSeconds(1), clock);

        Instant first = cache.get("acme", tenant -> clock.instant());
        clock.advance(Duration.ofMillis(1001));

        assertThat(cache.get("acme", tenant -> clock.instant())).isAfter(first);
    }

    @Test
    void zeroTimeToLiveReadsEveryTime() {
        AtomicInteger reads = new AtomicInteger();
        SummaryCache<Integer> cache = new SummaryCache<>(Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));

        cache.get("acme", tenant -> reads.incrementAndGet());
        cache.get("acme", tenant -> reads.incrementAndGet());

        assertThat(reads).hasValue(2);
    }
}
