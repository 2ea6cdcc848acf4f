package io.crosspatch.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final SourceRateLimiter limiter = new SourceRateLimiter(2, 3, 100, now::get);

    @Test
    void shouldAllowTheBurstThenRefillAtTheRate() {
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();

        now.addAndGet(500_000_000L);

        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void shouldRememberABoundedNumberOfSources() {
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire("10.0." + i / 256 + "." + i % 256);
        }
        assertThat(limiter.sources()).isEqualTo(100);
    }
}
