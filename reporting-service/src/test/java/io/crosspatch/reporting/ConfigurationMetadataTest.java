package io.crosspatch.reporting;

import io.crosspatch.servicekit.testing.ConfigurationMetadataContract;
import java.util.Set;

/** Every property of reporting-service is described in its metadata and listed in docs/configuration.md. */
class ConfigurationMetadataTest extends ConfigurationMetadataContract {

    @Override
    protected Set<String> ownPrefixes() {
        return Set.of("crosspatch.reporting.");
    }
}
