package io.crosspatch.account.vending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void shouldDoubleFromTheInitialDelayWithHalfOfItJittered() {
        assertThat(backoff.delay(0, () -> 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(0, () -> 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(3, () -> 1.0)).isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void shouldNeverExceedTheCapHoweverManyAttempts() {
        assertThat(backoff.delay(10, () -> 1.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(500, () -> 1.0)).isEqualTo(Duration.ofSeconds(30));
    }
}
