package io.crosspatch.patching.bench;

import io.crosspatch.patching.PatchingServiceApplication;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import io.crosspatch.simulator.CloudSimulator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts patching-service for a benchmark: the testbed's real infrastructure and a simulator with default limits. */
final class BenchContext {

    private BenchContext() {}

    static ConfigurableApplicationContext start(CloudSimulator simulator) {
        return new SpringApplicationBuilder(PatchingServiceApplication.class)
                .initializers(new TestbedContextInitializer())
                .run(
                        "--server.port=0",
                        "--crosspatch.aws.endpoint=" + simulator.endpoint(),
                        "--crosspatch.aws.access-key-id="
                                + simulator.managementCredentials().accessKeyId(),
                        "--crosspatch.aws.secret-access-key="
                                + simulator.managementCredentials().secretAccessKey(),
                        "--crosspatch.activation-encryption.keys.k1=" + PatchingIntegrationTest.KEY_K1,
                        "--crosspatch.activation-encryption.current-key-id=k1",
                        "--crosspatch.patching.registration.interval=1h",
                        "--crosspatch.patching.registration.audit-interval=1h",
                        "--crosspatch.patching.compliance.interval=1h",
                        "--logging.level.io.crosspatch=WARN");
    }
}
