package io.crosspatch.identity.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ingress's guards, under {@code crosspatch.identity.ingress}: the body limit; the proxies whose
 * {@code X-Forwarded-For} is believed ({@link TrustedProxies}; none by default); the per-source rate limits (a
 * token bucket per client address, per /64 for IPv6; at most {@code maxSources} sources are remembered, least
 * recently seen forgotten first), one for enrollment and challenge requests and a more generous one for status
 * polls; how long a request waits for the broker's acknowledgement; and how long an enrollment that is never
 * verified is kept ({@code pendingTtl}).
 */
@ConfigurationProperties("crosspatch.identity.ingress")
public record IngressProperties(boolean enabled, Integer maxBodyBytes, List<String> trustedProxies, RateLimit rateLimit,
        RateLimit statusRateLimit, Duration publishTimeout, Duration pendingTtl) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    private static final long MAX_CASSANDRA_TTL_SECONDS = 630_720_000;

    // RateLimit's compact constructor replaces its nulls with defaults, as Spring's binder relies on.
    @SuppressWarnings("NullAway")
    public IngressProperties {
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
        statusRateLimit = statusRateLimit == null ? new RateLimit(100.0, 200, null) : statusRateLimit;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
        pendingTtl = pendingTtl == null ? Duration.ofHours(24) : pendingTtl;
        if (pendingTtl.toSeconds() < 1 || pendingTtl.toSeconds() > MAX_CASSANDRA_TTL_SECONDS) {
            throw new IllegalArgumentException("crosspatch.identity.ingress.pending-ttl must be between a second and "
                    + "20 years (Cassandra's longest TTL)");
        }
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
