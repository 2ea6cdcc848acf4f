package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.verification.domain.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How enrollments parked for an unavailable trust source are retried ({@code crosspatch.identity.verifier.retry.*}).
 *
 * @param firstDelay  wait before the first re-verification; doubled each time
 * @param maxDelay    longest wait between two re-verifications
 * @param giveUpAfter how long an enrollment waits in all before it is failed as {@code TRUST_SOURCE_UNAVAILABLE}
 * @param concurrency consumers of the retry topic
 */
@ConfigurationProperties("crosspatch.identity.verifier.retry")
public record RetryProperties(Duration firstDelay, Duration maxDelay, Duration giveUpAfter, Integer concurrency) {

    public RetryProperties {
        firstDelay = firstDelay == null ? Duration.ofSeconds(10) : firstDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(6) : giveUpAfter;
        concurrency = concurrency == null ? 1 : concurrency;
    }

    public RetryPolicy policy() {
        return new RetryPolicy(firstDelay, maxDelay, giveUpAfter);
    }
}
