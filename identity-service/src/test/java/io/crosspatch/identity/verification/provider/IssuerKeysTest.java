package io.crosspatch.identity.verification.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.crosspatch.identity.verification.application.TrustSourceUnavailableException;
import io.crosspatch.servicekit.testing.MutableClock;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One issuer's key cache against a JWKS server on a loopback port that counts its fetches, with a clock the test
 * moves: unknown key ids cost at most one fetch per refresh interval and are then simply not found; a key rotated
 * in is found; only an issuer with no keys known and an endpoint that cannot be read is unavailable, and every fetch
 * is bounded in time and size.
 */
class IssuerKeysTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final JwksProperties SETTINGS =
            new JwksProperties(INTERVAL, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofMillis(800), 16_384);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private HttpServer server;
    private RSAKey current;

    private record Answer(int status, String body) {}

    @BeforeEach
    void serveOneKey() throws Exception {
        current = rsaKey();
        answer.set(new Answer(200, new JWKSet(current.toPublicJWK()).toString()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            Answer now = answer.get();
            byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(now.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private IssuerKeys keys() {
        return keys(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"));
    }

    private IssuerKeys keys(URI uri) {
        return new IssuerKeys("https://issuer.example", uri, new JwksFetcher(SETTINGS), SETTINGS, clock);
    }

    @Test
    void aFloodOfUnknownKeyIdsCostsAtMostOneFetchPerIntervalAndIsThenNotFound() {
        IssuerKeys keys = keys();
        assertThat(keys.select(header(current.getKeyID()))).hasSize(1);

        for (int i = 0; i < 100; i++) {
            assertThat(keys.select(header("forged-" + i))).isEmpty();
        }
        assertThat(fetches).as("fetches within the interval of the first").hasValue(1);

        clock.advance(INTERVAL.plusSeconds(1));
        for (int i = 0; i < 100; i++) {
            assertThat(keys.select(header("forged-again-" + i))).isEmpty();
        }
        assertThat(fetches).as("fetches once the interval has passed").hasValue(2);
    }

    @Test
    void aKeyTheIssuerRotatedInIsFoundByTheRefreshAnUnknownKeyIdTriggers() throws Exception {
        IssuerKeys keys = keys();
        keys.select(header(current.getKeyID()));
        RSAKey rotated = rsaKey();
        answer.set(new Answer(200, new JWKSet(List.of(current.toPublicJWK(), rotated.toPublicJWK())).toString()));
        clock.advance(INTERVAL.plusSeconds(1));

        assertThat(keys.select(header(rotated.getKeyID())))
                .singleElement()
                .extracting(key -> key.getKeyID())
                .isEqualTo(rotated.getKeyID());
    }

    @Test
    void anIssuerWithNoKeysKnownAndItsJwksDownIsUnavailableWithoutAFetchPerToken() {
        answer.set(new Answer(503, "down"));
        IssuerKeys keys = keys();

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> keys.select(header(current.getKeyID())))
                    .isInstanceOf(TrustSourceUnavailableException.class);
        }
        assertThat(fetches).hasValue(1);

        answer.set(new Answer(200, new JWKSet(current.toPublicJWK()).toString()));
        clock.advance(INTERVAL.plusSeconds(1));
        assertThat(keys.select(header(current.getKeyID()))).hasSize(1);
    }

    @Test
    void knownKeysOutliveAnOutageOfTheirJwksAndUnknownKeyIdsStayRejectionsNotOutages() {
        IssuerKeys keys = keys();
        keys.select(header(current.getKeyID()));
        answer.set(new Answer(500, "oops"));
        clock.advance(Duration.ofMinutes(10));

        assertThat(keys.select(header(current.getKeyID()))).hasSize(1);
        clock.advance(INTERVAL.plusSeconds(1));
        assertThat(keys.select(header("forged"))).isEmpty();
        assertThat(keys.select(header(current.getKeyID()))).hasSize(1);
    }

    @Test
    void isCertainOfAnUnpublishedKeyIdOnlyWhileTheIssuersKeysCanBeRead() {
        IssuerKeys keys = keys();

        assertThat(keys.certainlyLacks(header("forged-1")))
                .as("after the first fetch")
                .isTrue();
        assertThat(keys.certainlyLacks(header(current.getKeyID()))).isFalse();
        assertThat(fetches).hasValue(1);

        answer.set(new Answer(503, "down"));
        clock.advance(INTERVAL.plusSeconds(1));
        assertThat(keys.certainlyLacks(header("forged-2")))
                .as("the refresh it triggered failed")
                .isFalse();
        assertThat(keys.certainlyLacks(header(current.getKeyID()))).isFalse();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void isNeverCertainAboutAnIssuerWhoseKeysWereNeverRead() {
        answer.set(new Answer(503, "down"));
        IssuerKeys keys = keys();

        for (int i = 0; i < 20; i++) {
            assertThat(keys.certainlyLacks(header("forged-" + i))).isFalse();
        }
        assertThat(fetches).as("one fetch per interval, as select").hasValue(1);
    }

    @Test
    void aJwksLargerThanTheLimitOrNotAJwksIsUnavailable() {
        answer.set(new Answer(200, "{\"keys\":[], \"padding\":\"" + "x".repeat(SETTINGS.maxBytes()) + "\"}"));
        assertThatThrownBy(() -> keys().select(header("any"))).isInstanceOf(TrustSourceUnavailableException.class);

        answer.set(new Answer(200, "<html>not a key set</html>"));
        assertThatThrownBy(() -> keys().select(header("any"))).isInstanceOf(TrustSourceUnavailableException.class);
    }

    @Test
    void aJwksEndpointThatNeverAnswersIsUnavailableWithinTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            IssuerKeys keys = keys(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/jwks"));
            Instant start = Instant.now();

            assertThatThrownBy(() -> keys.select(header("any"))).isInstanceOf(TrustSourceUnavailableException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aClosedPortIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        IssuerKeys keys = keys(URI.create("http://127.0.0.1:" + closed + "/jwks"));

        assertThatThrownBy(() -> keys.select(header("any"))).isInstanceOf(TrustSourceUnavailableException.class);
    }

    private static JWSHeader header(String keyId) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build();
    }

    private static RSAKey rsaKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID("k-" + System.nanoTime()).generate();
    }
}
