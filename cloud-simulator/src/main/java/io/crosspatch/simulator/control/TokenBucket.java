package io.crosspatch.simulator.control;

/**
 * A request-rate limit as AWS applies them: a sustained rate with a burst. Refilled from real (not simulated)
 * time, because rate limits are about how fast a client calls, not about the simulated calendar.
 */
final class TokenBucket {

    private final double ratePerSecond;
    private final double burst;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(double ratePerSecond, double burst, long nowNanos) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefillNanos) / 1e9 * ratePerSecond);
        lastRefillNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
