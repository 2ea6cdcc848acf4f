package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.verification.domain.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How enrollments parked for an unavailable trust source are retried ({@code crosspatch.identity.verifier.retry.*}).
 *
 * The defaults are here and nowhere else; the concurrency is also kept as a string, the fallback of the retry
 * listener's {@code @KafkaListener} placeholder.
 *
 * @param firstDelay  wait before the first re-verification; doubled each time; default 10 s
 * @param maxDelay    longest wait between two re-verifications; default 5 min
 * @param giveUpAfter how long an enrollment waits in all before it is failed as {@code TRUST_SOURCE_UNAVAILABLE};
 *                    default 6 h, longer than a JWKS endpoint's usual outage, shorter than a VM's patience
 * @param concurrency consumer threads on the retry topic; default 1: parked enrollments are few and wait anyway
 */
@ConfigurationProperties("crosspatch.identity.verifier.retry")
public record RetryProperties(Duration firstDelay, Duration maxDelay, Duration giveUpAfter, Integer concurrency) {

    public static final String DEFAULT_CONCURRENCY = "1";

    public RetryProperties {
        firstDelay = firstDelay == null ? Duration.ofSeconds(10) : firstDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(6) : giveUpAfter;
        concurrency = concurrency == null ? Integer.parseInt(DEFAULT_CONCURRENCY) : concurrency;
    }

    public RetryPolicy policy() {
        return new RetryPolicy(firstDelay, maxDelay, giveUpAfter);
    }
}
