package io.crosspatch.account;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;

/** The account-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. */
@CrosspatchIntegrationTest
class AccountServiceApplicationHealthTest extends ServiceHealthContract {
}
