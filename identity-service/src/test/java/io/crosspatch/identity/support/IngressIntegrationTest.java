package io.crosspatch.identity.support;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the ingress's integration tests: the whole service against the testbed's real Kafka, registry and
 * Cassandra, with the verifier off (as under the {@code ingress} profile) so that only the test decides what
 * happens after {@code enrollment.requested}. The admin API trusts {@link AdminTokens}; activation codes are
 * encrypted with {@link ActivationCodes}' key; loopback is the one trusted proxy, so the source address comes
 * from {@code X-Forwarded-For} and each test has its own rate-limit bucket. Every subclass has the same properties, so they share one context.
 */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.identity.verifier.enabled=false",
            "crosspatch.identity.public-url=" + IngressIntegrationTest.PUBLIC_URL,
            "crosspatch.identity.ingress.trusted-proxies=127.0.0.1/32,::1/128",
            "crosspatch.identity.ingress.rate-limit.per-second=1",
            "crosspatch.identity.ingress.rate-limit.burst=30",
            "crosspatch.identity.ingress.status-rate-limit.per-second=20",
            "crosspatch.identity.ingress.status-rate-limit.burst=60",
            "crosspatch.activation-encryption.keys." + ActivationCodes.KEY_ID + "=" + ActivationCodes.KEY,
            "crosspatch.identity.admin.auth.issuer=" + AdminTokens.ISSUER,
            "crosspatch.identity.admin.auth.audiences=" + AdminTokens.AUDIENCE
        })
public abstract class IngressIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The URL the test context names as the one VMs reach the service at. */
    protected static final String PUBLIC_URL = "https://crosspatch.example.test";

    @LocalServerPort
    private int port;

    @Autowired
    protected KafkaTemplate<String, Object> kafka;

    @DynamicPropertySource
    static void trustAdminTokens(DynamicPropertyRegistry registry) {
        registry.add("crosspatch.identity.admin.auth.public-key-location", AdminTokens::publicKeyLocation);
    }

    /** A client with a source address of its own. */
    protected Api newSource() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Api(port, "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    protected int port() {
        return port;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
