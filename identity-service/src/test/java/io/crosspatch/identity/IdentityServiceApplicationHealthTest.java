package io.crosspatch.identity;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;

/** The identity-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. */
@CrosspatchIntegrationTest
class IdentityServiceApplicationHealthTest extends ServiceHealthContract {
}
