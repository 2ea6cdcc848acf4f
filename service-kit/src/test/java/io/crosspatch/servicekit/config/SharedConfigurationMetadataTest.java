package io.crosspatch.servicekit.config;

import io.crosspatch.servicekit.testing.ConfigurationMetadataContract;
import java.util.Set;

/** service-kit's shared settings (messaging, Cassandra, the schema registry) are described and documented. */
class SharedConfigurationMetadataTest extends ConfigurationMetadataContract {

    @Override
    protected Set<String> ownPrefixes() {
        return Set.of("crosspatch.messaging.", "crosspatch.cassandra.", "crosspatch.schema-registry.");
    }
}
