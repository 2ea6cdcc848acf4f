package io.crosspatch.account.vending.application;

/**
 * A token bucket for CreateAccount: Organizations allows only a few per second and counts refused calls too, so
 * the driver asks here before it sends one and leaves the account queued when no token is left.
 */
final class CreationRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    CreationRateLimiter(double ratePerSecond, int burst) {
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
