package io.crosspatch.reporting;

import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;

/** The reporting-service context starts against the real Kafka, Cassandra and schema registry and reports healthy. */
@CrosspatchIntegrationTest
class ReportingServiceApplicationHealthTest extends ServiceHealthContract {
}
