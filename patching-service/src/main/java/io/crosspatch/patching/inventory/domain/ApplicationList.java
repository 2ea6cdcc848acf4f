package io.crosspatch.patching.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A node's whole {@code AWS:Application} inventory and its capture time. */
public record ApplicationList(Instant capturedAt, List<Application> applications) {

    public ApplicationList {
        Objects.requireNonNull(capturedAt, "capturedAt");
        applications = List.copyOf(applications);
    }
}
