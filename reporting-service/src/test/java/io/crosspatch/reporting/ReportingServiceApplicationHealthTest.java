package io.crosspatch.reporting;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reporting-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. */
@CrosspatchIntegrationTest
class ReportingServiceApplicationHealthTest extends ServiceHealthContract {

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        TestJwtIssuer.trust(registry, "crosspatch.reporting.auth", "crosspatch-reporting");
    }
}
