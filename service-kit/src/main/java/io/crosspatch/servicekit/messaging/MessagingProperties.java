package io.crosspatch.servicekit.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shared messaging set-up, under {@code crosspatch.messaging}.
 *
 * @param replicationFactor replication of the topics this service declares (1 on one local broker, 3 in production)
 * @param retryInitialInterval first back-off before a failed record is tried again
 * @param retryMaxInterval     longest back-off between two tries
 * @param retryMaxAttempts     tries after the first before the record goes to its dead-letter topic
 */
@ConfigurationProperties("crosspatch.messaging")
public record MessagingProperties(
        short replicationFactor,
        Duration retryInitialInterval,
        Duration retryMaxInterval,
        int retryMaxAttempts) {

    public MessagingProperties {
        replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        retryInitialInterval = retryInitialInterval == null ? Duration.ofMillis(200) : retryInitialInterval;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(10) : retryMaxInterval;
        retryMaxAttempts = retryMaxAttempts <= 0 ? 6 : retryMaxAttempts;
    }
}
