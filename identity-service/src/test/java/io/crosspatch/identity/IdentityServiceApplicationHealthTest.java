package io.crosspatch.identity;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The identity-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. */
@CrosspatchIntegrationTest(properties = "crosspatch.identity.public-url=http://127.0.0.1:8080")
class IdentityServiceApplicationHealthTest extends ServiceHealthContract {

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        TestJwtIssuer.trust(registry, "crosspatch.identity.admin.auth", "crosspatch-identity");
    }
}
