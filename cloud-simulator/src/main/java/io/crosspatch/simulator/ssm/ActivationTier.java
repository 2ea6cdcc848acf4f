package io.crosspatch.simulator.ssm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The instance tier of an account's hybrid-activated nodes in one region, SSM service setting
 * {@code /ssm/managed-instance/activation-tier}: {@code standard} (free, at most a quota of nodes) or {@code advanced}
 * (charged per node, no such quota).
 */
public enum ActivationTier {
    STANDARD,
    ADVANCED;

    /** The setting's value as SSM spells it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ActivationTier> fromWire(String value) {
        return Arrays.stream(values())
                .filter(tier -> tier.wireName().equals(value))
                .findFirst();
    }
}
