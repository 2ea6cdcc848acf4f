package io.crosspatch.identity.verification.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the verifier reads the issuers' JWKS ({@code crosspatch.identity.verifier.jwks.*}). An unknown key id may
 * cost at most one fetch per issuer per {@code refreshInterval}, whoever sends it and however fast, so forged tokens
 * cannot turn into a stream of requests to Google or a vCenter; every fetch is bounded in time and size.
 *
 * @param refreshInterval least time between two fetches of one issuer's JWKS for a key id it lacks (or after a
 *                        failed fetch); within it an unknown key id is {@code UNTRUSTED_SIGNER} at once; default 30 s
 * @param cacheLifetime   how long fetched keys are used before they are refetched (if that fails, they are kept);
 *                        default 5 min
 * @param connectTimeout  connecting to the JWKS endpoint; default 2 s
 * @param readTimeout     the whole answer; default 5 s
 * @param maxBytes        largest JWKS accepted, in bytes; default 65536 (Google's is about 2 KB)
 */
@ConfigurationProperties("crosspatch.identity.verifier.jwks")
record JwksProperties(
        Duration refreshInterval,
        Duration cacheLifetime,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxBytes) {

    public JwksProperties {
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
        cacheLifetime = cacheLifetime == null ? Duration.ofMinutes(5) : cacheLifetime;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        maxBytes = maxBytes == null ? 65_536 : maxBytes;
    }

    // The compact constructor replaces every null with its default.
    @SuppressWarnings("NullAway")
    public static JwksProperties defaults() {
        return new JwksProperties(null, null, null, null, null);
    }
}
