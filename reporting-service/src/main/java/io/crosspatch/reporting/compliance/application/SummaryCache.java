package io.crosspatch.reporting.compliance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Keeps each tenant's computed summary for a short time (one second by default, {@code
 * crosspatch.reporting.summary-cache-ttl}; zero turns it off). A wall of dashboards on one tenant then costs
 * about one partition read per second instead of one per request; the figures are at most that much older
 * than the read model, which itself trails the events.
 *
 * <p>An expired summary is refreshed by the one request that finds it expired first; requests arriving during
 * that refresh get the previous summary rather than queueing behind the read. Only a tenant's very first
 * request waits for the read.
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
        Entry<V> entry = entries.get(tenantId);
        if (entry == null) {
            return entries.computeIfAbsent(tenantId, tenant -> fresh(compute.apply(tenant)))
                    .value();
        }
        if (clock.instant().isBefore(entry.expiresAt()) || !entry.refreshing().compareAndSet(false, true)) {
            return entry.value();
        }
        try {
            Entry<V> refreshed = fresh(compute.apply(tenantId));
            entries.put(tenantId, refreshed);
            return refreshed.value();
        } finally {
            entry.refreshing().set(false);
        }
    }

    private Entry<V> fresh(V value) {
        return new Entry<>(value, clock.instant().plus(ttl), new AtomicBoolean());
    }

    private record Entry<V>(V value, Instant expiresAt, AtomicBoolean refreshing) {}
}
