package io.crosspatch.account.vending.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with a cap and "equal jitter" (half fixed, half random), so that many cloud accounts
 * retrying after the same throttling spread out instead of hitting AWS again in step.
 *
 * @param initial the first delay
 * @param max     the longest delay
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max");
        }
    }

    /** The delay before try number {@code attempt + 1}, {@code attempt} counting from 0. */
    public Duration delay(int attempt, DoubleSupplier random) {
        long cap = max.toMillis();
        long exponential = initial.toMillis() << Math.min(Math.max(attempt, 0), 30);
        long full = exponential <= 0 || exponential > cap ? cap : exponential;
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (full - half)));
    }
}
