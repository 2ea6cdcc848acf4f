package io.crosspatch.identity;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;

/** The identity-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. */
@CrosspatchIntegrationTest(properties = "crosspatch.identity.public-url=http://127.0.0.1:8080")
class IdentityServiceApplicationHealthTest extends ServiceHealthContract {
}
