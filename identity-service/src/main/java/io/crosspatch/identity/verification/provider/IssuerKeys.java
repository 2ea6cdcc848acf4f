package io.crosspatch.identity.verification.provider;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import io.crosspatch.identity.verification.application.TrustSourceUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One issuer's signing keys (Google's, or one vCenter's), fetched from its pinned JWKS and cached. Built for an
 * attacker who sends tokens naming key ids the issuer never published, as fast as they like: such a key id costs at
 * most one fetch per issuer per {@link JwksProperties#refreshInterval()} — the first thread to miss fetches, the
 * others wait for that fetch rather than start their own — and a key id still unknown after it (or within the
 * interval) is simply not there: the caller rejects the token ({@code UNTRUSTED_SIGNER}) at once. A key the issuer
 * really rotated in is found by that same refresh.
 *
 * <p>Only an issuer whose JWKS cannot be fetched at all while no keys of it are cached is
 * {@link TrustSourceUnavailableException unavailable}, and a failed fetch is not repeated within the interval either,
 * so an outage costs one bounded request per interval, not one per token. Cached keys older than
 * {@link JwksProperties#cacheLifetime()} are refetched on use; if that fails they are kept, so a short outage of the
 * endpoint does not stop an issuer whose keys are known.
 */
final class IssuerKeys {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

    /** The keys last fetched (null before the first success), when, and when a fetch was last tried. */
    private record Cached(@Nullable JWKSet keys, Instant fetchedAt, Instant triedAt) {}

    private final String issuer;
    private final URI uri;
    private final JwksFetcher fetcher;
    private final JwksProperties settings;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Cached cached = new Cached(null, Instant.MIN, Instant.MIN);

    IssuerKeys(String issuer, URI uri, JwksFetcher fetcher, JwksProperties settings, Clock clock) {
        this.issuer = issuer;
        this.uri = uri;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /**
     * The issuer's keys the header's key id and algorithm select: empty if the issuer has no such key.
     *
     * @throws TrustSourceUnavailableException if no key of the issuer could ever be fetched (rate-limited too)
     */
    List<JWK> select(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        Cached now = cached;
        if (now.keys() != null) {
            List<JWK> found = selector.select(now.keys());
            if (!found.isEmpty()) {
                refreshIfOld(now);
                return found;
            }
        }
        Cached after = refreshUnlessRecentlyTried(now);
        if (after.keys() == null) {
            throw new TrustSourceUnavailableException("no keys of " + issuer + " could be fetched from " + uri, null);
        }
        return selector.select(after.keys());
    }

    /**
     * Whether the issuer certainly has no key the header selects, for refusing a token before any other work: the
     * same lookup as {@link #select} (so the same cache, the same at-most-one refresh per interval, a key rotated in
     * found by it), but "certainly" only when the keys looked at are what the issuer last served: while its JWKS
     * cannot be fetched (never yet, or not at the last try), the answer is false and the verifier decides.
     */
    boolean certainlyLacks(JWSHeader header) {
        try {
            if (!select(header).isEmpty()) {
                return false;
            }
        } catch (TrustSourceUnavailableException e) {
            return false;
        }
        Cached now = cached;
        return now.keys() != null && now.fetchedAt().equals(now.triedAt());
    }

    /** Fetches once per interval: threads arriving while a fetch is under way wait for it and use its result. */
    private Cached refreshUnlessRecentlyTried(Cached seen) {
        fetching.lock();
        try {
            Cached current = cached;
            if (current != seen || !clock.instant().isAfter(current.triedAt().plus(settings.refreshInterval()))) {
                return current;
            }
            return fetch(current);
        } finally {
            fetching.unlock();
        }
    }

    /** Old keys are refetched by one thread while the others go on with them; a failure keeps them. */
    private void refreshIfOld(Cached seen) {
        Instant now = clock.instant();
        if (now.isBefore(seen.fetchedAt().plus(settings.cacheLifetime()))
                || !now.isAfter(seen.triedAt().plus(settings.refreshInterval()))
                || !fetching.tryLock()) {
            return;
        }
        try {
            if (cached == seen) {
                fetch(seen);
            }
        } finally {
            fetching.unlock();
        }
    }

    private Cached fetch(Cached previous) {
        Instant tried = clock.instant();
        Cached next;
        try {
            JWKSet keys = fetcher.fetch(uri);
            next = new Cached(keys, tried, tried);
            log.info("fetched the JWKS of {}: {} key(s)", issuer, keys.getKeys().size());
        } catch (JwksFetcher.JwksUnavailableException e) {
            next = new Cached(previous.keys(), previous.fetchedAt(), tried);
            log.warn(
                    "cannot fetch the JWKS of {} ({}); {}",
                    issuer,
                    e.getMessage(),
                    previous.keys() == null
                            ? "its enrollments wait until it can be read"
                            : "keeping the keys fetched at " + previous.fetchedAt());
        }
        cached = next;
        return next;
    }
}
