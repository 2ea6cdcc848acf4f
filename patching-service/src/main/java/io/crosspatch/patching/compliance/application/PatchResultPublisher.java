package io.crosspatch.patching.compliance.application;

import io.crosspatch.patching.compliance.domain.PatchReport;

/**
 * Publishes an instance's patch state on {@code patch.results} (a port; Kafka behind it), returning only once the
 * broker acknowledged it, so the collector records a state as published only once it is.
 */
public interface PatchResultPublisher {

    void publish(PatchReport report);
}
