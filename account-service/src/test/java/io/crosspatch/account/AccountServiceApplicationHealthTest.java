package io.crosspatch.account;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The account-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. Closed after
 * its tests, and its listener left stopped: the vending tests own identity.verified. */
@CrosspatchIntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
@DirtiesContext
class AccountServiceApplicationHealthTest extends ServiceHealthContract {

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        TestJwtIssuer.trust(registry, "crosspatch.operator.auth", "crosspatch-account");
    }
}
