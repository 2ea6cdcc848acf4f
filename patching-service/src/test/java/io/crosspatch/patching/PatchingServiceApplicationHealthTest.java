package io.crosspatch.patching;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;

/** The patching-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. */
@CrosspatchIntegrationTest
class PatchingServiceApplicationHealthTest extends ServiceHealthContract {
}
