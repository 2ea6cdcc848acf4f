package io.crosspatch.kernel;

import java.util.Locale;
import java.util.Optional;

/**
 * The clouds a VM can prove itself on. One type for every service's domain; the Avro enum of the same symbols
 * ({@code io.crosspatch.events.Provider}) is the wire form and is mapped to this one at the messaging edge, so the
 * rules depend on no serialization library. The lower-case {@link #wireName()} is how URLs, storage rows and cloud
 * account keys spell a provider.
 */
public enum CloudProvider {
    GCP,
    AZURE,
    AWS,
    VMWARE;

    /** {@code gcp}, {@code azure}, {@code aws} or {@code vmware}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider of that exact lower-case wire name; nothing for anything else (request input is not trusted). */
    public static Optional<CloudProvider> ofWireName(String name) {
        for (CloudProvider provider : values()) {
            if (provider.wireName().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /**
     * The provider of that name in any case ({@code GCP}, {@code gcp}), for values this system wrote itself
     * (storage rows, cloud account keys).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static CloudProvider parse(String name) {
        if (name != null) {
            for (CloudProvider provider : values()) {
                if (provider.name().equalsIgnoreCase(name)) {
                    return provider;
                }
            }
        }
        throw new IllegalArgumentException("not a cloud provider: " + name);
    }
}
