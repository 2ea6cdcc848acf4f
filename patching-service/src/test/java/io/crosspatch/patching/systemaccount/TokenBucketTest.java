package io.crosspatch.patching.systemaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.patching.systemaccount.domain.TokenBucket;
import org.junit.jupiter.api.Test;

/** The client-side rate limit: a burst at once, then the rate. */
class TokenBucketTest {

    @Test
    void grantsTheBurstAtOnceAndThenMakesCallersWait() {
        TokenBucket bucket = new TokenBucket(10, 3);
        for (int i = 0; i < 3; i++) {
            bucket.acquire();
        }

        long start = System.nanoTime();
        bucket.acquire();
        bucket.acquire();
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(waitedMillis).isBetween(150L, 1_000L);
    }
}
