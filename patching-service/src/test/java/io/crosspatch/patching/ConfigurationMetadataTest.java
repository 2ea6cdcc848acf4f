package io.crosspatch.patching;

import io.crosspatch.servicekit.testing.ConfigurationMetadataContract;
import java.util.Set;

/** Every property of patching-service is described in its metadata and listed in docs/configuration.md. */
class ConfigurationMetadataTest extends ConfigurationMetadataContract {

    @Override
    protected Set<String> ownPrefixes() {
        return Set.of("crosspatch.patching.", "crosspatch.retirement.");
    }
}
