package io.crosspatch.account;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;
import org.springframework.test.annotation.DirtiesContext;

/** The account-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. Closed after
 * its tests, and its listener left stopped: the vending tests own identity.verified. */
@CrosspatchIntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
@DirtiesContext
class AccountServiceApplicationHealthTest extends ServiceHealthContract {
}
