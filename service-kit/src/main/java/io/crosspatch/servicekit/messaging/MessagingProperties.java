package io.crosspatch.servicekit.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shared messaging set-up, under {@code crosspatch.messaging}; the defaults are here and nowhere else.
 *
 * @param replicationFactor    replicas of each topic (and dead-letter topic) this service declares; default 1, which
 *                             one local broker can hold; set 3 on a production cluster
 * @param retryInitialInterval first back-off before a failed record is tried again; default 200 ms, short enough that
 *                             a blip costs little latency
 * @param retryMaxInterval     longest back-off between two tries; default 10 s, so a record waits at most about half
 *                             a minute in all before it is dead-lettered
 * @param retryMaxAttempts     tries after the first before the record goes to its dead-letter topic; default 6
 */
@ConfigurationProperties("crosspatch.messaging")
public record MessagingProperties(
        Short replicationFactor, Duration retryInitialInterval, Duration retryMaxInterval, Integer retryMaxAttempts) {

    public MessagingProperties {
        replicationFactor = replicationFactor == null || replicationFactor <= 0 ? 1 : replicationFactor;
        retryInitialInterval = retryInitialInterval == null ? Duration.ofMillis(200) : retryInitialInterval;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(10) : retryMaxInterval;
        retryMaxAttempts = retryMaxAttempts == null || retryMaxAttempts <= 0 ? 6 : retryMaxAttempts;
    }
}
