package io.crosspatch.schemas.topics;

import io.crosspatch.events.Provider;
import java.util.Locale;
import java.util.Objects;

/**
 * The business key kept along the whole flow, {@code <provider>:<cloudAccountId>} (e.g. {@code gcp:acme-prod}).
 * Keying by cloud account puts every event of one customer account on one partition, in order.
 */
public record CloudAccountKey(Provider provider, String cloudAccountId) {

    public CloudAccountKey {
        Objects.requireNonNull(provider, "provider");
        if (cloudAccountId == null || cloudAccountId.isBlank()) {
            throw new IllegalArgumentException("cloudAccountId must not be blank");
        }
    }

    /** Parses {@code gcp:acme-prod}; the provider part is case-insensitive. */
    public static CloudAccountKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("not a cloud account key: " + key);
        }
        Provider provider = Provider.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT));
        return new CloudAccountKey(provider, key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return provider.name().toLowerCase(Locale.ROOT) + ":" + cloudAccountId;
    }
}
