package io.crosspatch.patching.inventory.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node's {@code AWS:InstanceInformation} inventory: what its OS and agent reported, and when SSM captured it.
 */
public record InstanceInformation(
        Instant capturedAt,
        @Nullable String computerName,
        @Nullable String platformType,
        @Nullable String platformName,
        @Nullable String platformVersion,
        @Nullable String ipAddress,
        @Nullable String agentVersion) {

    public InstanceInformation {
        Objects.requireNonNull(capturedAt, "capturedAt");
    }
}
