package io.crosspatch.patching.support;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of patching-service's integration tests: one Spring context (shared by every test class through the
 * context cache) against the testbed's real Kafka, Cassandra and registry, and one cloud simulator per JVM with
 * its default rate limits. The service's clock is the simulator's, so activation expiries and SSM's view of time
 * agree when a test advances it. The schedules are pushed out of the way: tests run sweeps themselves. The
 * standard tier's node quota is 5, so a test crosses it with a handful of nodes.
 */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.activation-encryption.keys.k1=" + PatchingIntegrationTest.KEY_K1,
            "crosspatch.activation-encryption.current-key-id=k1",
            "crosspatch.patching.registration.interval=1h",
            "crosspatch.patching.registration.audit-interval=1h",
            "crosspatch.patching.compliance.interval=1h",
            "crosspatch.retirement.recovery-interval=1h",
            "crosspatch.retirement.tenant-connection-lost-after." + PatchingIntegrationTest.QUICK_RETIRING_TENANT
                    + "=1h",
            "crosspatch.patching.desired-state.scan-schedule=rate(30 minutes)",
            "crosspatch.patching.activation.validity=1h",
            "crosspatch.patching.node-quota.standard-quota=5",
            "crosspatch.patching.node-quota.threshold=0.8",
            "crosspatch.aws.session-duration=12h",
            "crosspatch.aws.region=us-east-1"
        })
@Import(PatchingIntegrationTest.SimulatedClock.class)
public abstract class PatchingIntegrationTest {

    /** A tenant whose ConnectionLost nodes retire after an hour (every other keeps the 30-day default). */
    public static final String QUICK_RETIRING_TENANT = "quick-retiring";

    /** A 256-bit test key (not a secret: it protects nothing outside tests). */
    public static final String KEY_K1 = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

    protected static final CloudSimulator SIMULATOR = CloudSimulator.start(SimulatorConfig.defaults());

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("crosspatch.aws.endpoint", () -> SIMULATOR.endpoint().toString());
        registry.add(
                "crosspatch.aws.access-key-id",
                () -> SIMULATOR.managementCredentials().accessKeyId());
        registry.add(
                "crosspatch.aws.secret-access-key",
                () -> SIMULATOR.managementCredentials().secretAccessKey());
    }

    /** The simulator's clock as the service's. */
    @TestConfiguration
    public static class SimulatedClock {

        @Bean
        @Primary
        Clock simulatedClock() {
            return SIMULATOR.clock();
        }
    }
}
