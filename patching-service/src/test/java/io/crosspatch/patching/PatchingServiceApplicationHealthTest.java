package io.crosspatch.patching;

import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;

/**
 * The patching-service context starts against the real Kafka, Cassandra and schema registry and reports healthy.
 * It needs what the service refuses to start without: management credentials (never used here) and an
 * activation-encryption key.
 */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.activation-encryption.keys.k1=" + PatchingIntegrationTest.KEY_K1,
            "crosspatch.activation-encryption.current-key-id=k1",
            "crosspatch.aws.access-key-id=AKIAHEALTHCHECKONLY0",
            "crosspatch.aws.secret-access-key=health-check-only",
            "crosspatch.patching.registration.interval=1h",
            "crosspatch.patching.registration.audit-interval=1h",
            "crosspatch.patching.compliance.interval=1h"
        })
class PatchingServiceApplicationHealthTest extends ServiceHealthContract {}
