package io.crosspatch.patching.systemaccount.domain;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, at most {@code burst} saved up. Callers block (parking,
 * not spinning) until a token is theirs, so a storm of work for one account is spread out under AWS's request
 * rate instead of being answered with throttling errors.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double ratePerSecond, int burst) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    /** Takes one token, waiting as long as it takes. */
    public void acquire() {
        long wait;
        while ((wait = tryAcquire()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Takes a token if there is one (answers 0), else answers how many nanoseconds until there will be. */
    synchronized long tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano));
    }
}
