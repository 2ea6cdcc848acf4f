package io.crosspatch.identity.verification.support;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the verifier's integration tests: identity-service against the testbed's real Kafka, Cassandra and
 * registry, trusting only the in-process cloud simulator's anchors (one simulator per JVM).
 */
@CrosspatchIntegrationTest
public abstract class VerifierIntegrationTest {

    protected static final SimulatedClouds CLOUDS = SimulatedClouds.shared();

    @DynamicPropertySource
    static void trustTheSimulator(DynamicPropertyRegistry registry) {
        CLOUDS.trustProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
