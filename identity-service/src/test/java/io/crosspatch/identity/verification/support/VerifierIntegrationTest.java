package io.crosspatch.identity.verification.support;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the verifier's integration tests: identity-service against the testbed's real Kafka, Cassandra and
 * registry, trusting only the in-process cloud simulator's anchors (one simulator per JVM). The context is closed
 * after each class, so this verifier stops consuming {@code enrollment.requested} before other test classes (whose
 * contexts run with the verifier off) produce records it would otherwise reject behind their backs.
 */
@CrosspatchIntegrationTest(properties = "crosspatch.identity.public-url=http://127.0.0.1:8080")
@DirtiesContext
public abstract class VerifierIntegrationTest {

    protected static final SimulatedClouds CLOUDS = SimulatedClouds.shared();

    @DynamicPropertySource
    static void trustTheSimulator(DynamicPropertyRegistry registry) {
        CLOUDS.trustProperties().forEach((name, value) -> registry.add(name, () -> value));
        TestJwtIssuer.trust(registry, "crosspatch.identity.admin.auth", "crosspatch-identity");
    }
}
