package io.crosspatch.identity.web;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ingress's guards, under {@code crosspatch.identity.ingress}: the body limit; the proxies whose
 * {@code X-Forwarded-For} is believed ({@link TrustedProxies}; none by default); the per-source rate limits (a
 * token bucket per client address, per /64 for IPv6; at most {@code maxSources} sources are remembered, least
 * recently seen forgotten first), one for enrollment and challenge requests and a more generous one for status
 * polls; how long a request waits for the broker's acknowledgement; and how long an enrollment that is never
 * verified is kept ({@code pendingTtl}). The defaults are here and nowhere else.
 *
 * @param enabled         whether this process runs the ingress (HTTP, publishes enrollment.requested, the status
 *                        view); default true; the {@code verifier} profile turns it off so the verifier scales alone
 * @param maxBodyBytes    request bodies over this many bytes are refused (413) before they are read; default 65536
 *                        (64 KiB), several times the largest signed identity, and what bounds a request's CPU cost
 * @param trustedProxies  the load balancers whose {@code X-Forwarded-For} is believed, as CIDR blocks; default none:
 *                        the client is the socket's peer; else the right-most address not in these blocks
 * @param rateLimit       enrollment and challenge requests per source; default 20 per second, bursts of 40, 100000
 *                        sources remembered
 * @param statusRateLimit status polls ({@code GET /v1/enrollments/{id}}) per source, in buckets of their own; default
 *                        100 per second, bursts of 200, 100000 sources remembered: many VMs behind one NAT poll
 * @param publishTimeout  how long {@code POST /v1/enrollments} waits for the broker's acknowledgement before answering
 *                        503; default 10 s
 * @param pendingTtl      an enrollment that is never verified (still PENDING, or REJECTED) is dropped from the
 *                        status view after this; default 24 h; between 1 s and 20 years (Cassandra's longest TTL)
 */
@ConfigurationProperties("crosspatch.identity.ingress")
public record IngressProperties(
        Boolean enabled,
        Integer maxBodyBytes,
        List<String> trustedProxies,
        RateLimit rateLimit,
        RateLimit statusRateLimit,
        Duration publishTimeout,
        Duration pendingTtl) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    private static final long MAX_CASSANDRA_TTL_SECONDS = 630_720_000;

    // RateLimit's compact constructor replaces its nulls with defaults, as Spring's binder relies on.
    @SuppressWarnings("NullAway")
    public IngressProperties {
        enabled = enabled == null || enabled;
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        rateLimit = RateLimit.orDefaults(rateLimit, 20.0, 40);
        statusRateLimit = RateLimit.orDefaults(statusRateLimit, 100.0, 200);
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
        pendingTtl = pendingTtl == null ? Duration.ofHours(24) : pendingTtl;
        if (pendingTtl.toSeconds() < 1 || pendingTtl.toSeconds() > MAX_CASSANDRA_TTL_SECONDS) {
            throw new IllegalArgumentException("crosspatch.identity.ingress.pending-ttl must be between a second and "
                    + "20 years (Cassandra's longest TTL)");
        }
    }

    /**
     * One per-source rate limit. Its defaults depend on which limit it is, so {@link IngressProperties} fills in what
     * is not set, component by component: setting only a limit's {@code burst} keeps that limit's own rate.
     *
     * @param perSecond  sustained requests per second per source
     * @param burst      requests a source may make at once
     * @param maxSources sources remembered at most (bounds the memory); default 100000
     */
    public record RateLimit(Double perSecond, Integer burst, Integer maxSources) {

        @SuppressWarnings("NullAway") // unset components are null until their defaults are filled in here
        static RateLimit orDefaults(@Nullable RateLimit limit, double perSecond, int burst) {
            RateLimit set = limit == null ? new RateLimit(null, null, null) : limit;
            return new RateLimit(
                    set.perSecond() == null ? perSecond : set.perSecond(),
                    set.burst() == null ? burst : set.burst(),
                    set.maxSources() == null ? 100_000 : set.maxSources());
        }
    }
}
