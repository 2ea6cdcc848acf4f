package io.crosspatch.identity.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ingress's guards, under {@code crosspatch.identity.ingress}: the body limit, the per-source rate limit of
 * enrollment and challenge requests (a token bucket per remote address; at most {@code maxSources} addresses are
 * remembered, least recently seen forgotten first) and how long a request waits for the broker's acknowledgement.
 */
@ConfigurationProperties("crosspatch.identity.ingress")
public record IngressProperties(boolean enabled, Integer maxBodyBytes, RateLimit rateLimit, Duration publishTimeout) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public IngressProperties {
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
    }

    /**
     * @param perSecond  sustained requests per second per source
     * @param burst      requests a source may make at once
     * @param maxSources sources remembered at most (bounds the memory)
     */
    public record RateLimit(Double perSecond, Integer burst, Integer maxSources) {

        public RateLimit {
            perSecond = perSecond == null ? 20.0 : perSecond;
            burst = burst == null ? 40 : burst;
            maxSources = maxSources == null ? 100_000 : maxSources;
        }
    }
}
