package io.crosspatch.kernel;

import java.util.Objects;

/**
 * The business key kept along the whole flow, {@code <provider>:<cloudAccountId>} (e.g. {@code gcp:acme-prod}): a
 * customer's cloud account. Every event of one account is keyed by it, so Kafka keeps them on one partition, in
 * order; every service's tables are partitioned by it. Build it with this type, never by concatenating strings.
 */
public record CloudAccountKey(CloudProvider provider, String cloudAccountId) {

    public CloudAccountKey {
        Objects.requireNonNull(provider, "provider");
        if (cloudAccountId == null || cloudAccountId.isBlank()) {
            throw new IllegalArgumentException("cloudAccountId must not be blank");
        }
    }

    /**
     * Parses {@code gcp:acme-prod}; the provider part is case-insensitive, the account id is everything after the
     * first colon.
     *
     * @throws IllegalArgumentException when it is not such a key
     */
    public static CloudAccountKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("not a cloud account key: " + key);
        }
        return new CloudAccountKey(CloudProvider.parse(key.substring(0, colon)), key.substring(colon + 1));
    }

    /** The Kafka record key and the {@code <provider>:<id>} form shown to people: {@code gcp:acme-prod}. */
    @Override
    public String toString() {
        return provider.wireName() + ":" + cloudAccountId;
    }
}
