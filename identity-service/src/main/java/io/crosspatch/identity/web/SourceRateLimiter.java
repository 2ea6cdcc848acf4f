package io.crosspatch.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address: {@code burst} requests at once, refilled at {@code perSecond}. Memory is
 * bounded: only the {@code maxSources} most recently seen sources keep a bucket (a forgotten source starts full
 * again, which is the lenient side). One lock around a small map is cheap next to a request.
 */
final class SourceRateLimiter {

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, double[]> buckets;

    public SourceRateLimiter(double perSecond, int burst, int maxSources, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** Takes one token of {@code source}'s bucket; false when it is empty. */
    public synchronized boolean tryAcquire(String source) {
        long now = nanoTime.getAsLong();
        double[] bucket = buckets.computeIfAbsent(source, key -> new double[] {burst, now});
        double tokens = Math.min(burst, bucket[0] + (now - (long) bucket[1]) / 1e9 * perSecond);
        bucket[1] = now;
        if (tokens < 1) {
            bucket[0] = tokens;
            return false;
        }
        bucket[0] = tokens - 1;
        return true;
    }

    synchronized int sources() {
        return buckets.size();
    }
}
