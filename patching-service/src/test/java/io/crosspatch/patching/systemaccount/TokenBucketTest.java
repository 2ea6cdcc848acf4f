package io.crosspatch.patching.systemaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.patching.systemaccount.domain.TokenBucket;
import org.junit.jupiter.api.Test;

/** The client-side rate limit: a burst at once, then the rate. */
class TokenBucketTest {

    @Test
    void grantsTheBurstAtOnceAndThenMakesCallersWait() {
        // given 10 tokens a second and a burst of 3
        TokenBucket bucket = new TokenBucket(10, 3);

        // when five are taken
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        // then the two beyond the burst waited for the rate: at least 200 ms in all, however the thread was scheduled
        assertThat(tookMillis).isBetween(190L, 2_000L);
    }
}
