package io.crosspatch.identity.enrollment.domain;

import java.util.Locale;
import java.util.Optional;

/** The clouds a VM may enroll from, by their lower-case wire names ({@code gcp}, {@code azure}, …). */
public enum CloudProvider {
    GCP, AZURE, AWS, VMWARE;

    /** The lower-case name used on the wire, in storage and in cloud account keys. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider of that exact lower-case wire name; nothing for anything else. */
    public static Optional<CloudProvider> ofWireName(String name) {
        for (CloudProvider provider : values()) {
            if (provider.wireName().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
