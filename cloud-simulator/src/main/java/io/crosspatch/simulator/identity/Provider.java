package io.crosspatch.simulator.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * The four clouds whose VMs the simulator can pretend to be, named on the wire in lower case ({@code "gcp"}).
 * Its own enum, not kernel's {@code CloudProvider}: the simulator stands in for the clouds and shares no code with Crosspatch.
 */
public enum Provider {
    GCP,
    AZURE,
    AWS,
    VMWARE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> fromWireName(String name) {
        for (Provider provider : values()) {
            if (provider.wireName().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
