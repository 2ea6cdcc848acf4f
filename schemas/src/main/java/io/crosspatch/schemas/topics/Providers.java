package io.crosspatch.schemas.topics;

import io.crosspatch.events.Provider;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;

/**
 * The edge between the Avro {@link Provider} on the wire and the {@link CloudProvider} every domain uses: the two
 * enums hold the same symbols, and a messaging adapter maps between them here rather than by name at each call.
 */
public final class Providers {

    private Providers() {}

    public static CloudProvider fromAvro(Provider provider) {
        return CloudProvider.valueOf(provider.name());
    }

    public static Provider toAvro(CloudProvider provider) {
        return Provider.valueOf(provider.name());
    }

    /** The cloud account key of an event's provider and cloud account id. */
    public static CloudAccountKey accountKey(Provider provider, CharSequence cloudAccountId) {
        return new CloudAccountKey(fromAvro(provider), cloudAccountId.toString());
    }
}
