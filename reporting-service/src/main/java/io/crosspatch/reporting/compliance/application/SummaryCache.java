package io.crosspatch.reporting.compliance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps each tenant's computed summary for a short time (one second by default, {@code
 * crosspatch.reporting.summary-cache-ttl}; zero turns it off). A dashboard wall of a hundred people on one
 * tenant then costs one partition read per second instead of one per request; the figures are at most that
 * much older than the read model, which itself trails the events. Concurrent misses for one tenant compute
 * once.
 *
 * @param <V> the cached value
 */
final class SummaryCache<V> {

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    SummaryCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    V get(String tenantId, Function<String, V> compute) {
        if (ttl.isZero()) {
            return compute.apply(tenantId);
        }
        Instant now = clock.instant();
        return entries.compute(tenantId, (tenant, entry) -> entry != null && now.isBefore(entry.expiresAt())
                ? entry : new Entry<>(compute.apply(tenant), now.plus(ttl))).value();
    }

    private record Entry<V>(V value, Instant expiresAt) {
    }
}
