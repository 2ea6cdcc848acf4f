package io.crosspatch.reporting.compliance.application;

import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One instance and its updates, as the read model holds them.
 *
 * @param node            which instance
 * @param setup           how it is patched
 * @param stateObservedAt when the patch state was observed, null while unknown
 * @param updates         the updates, empty while unknown
 */
public record InstanceUpdates(
        InstanceListing.Node node, InstanceListing.Setup setup, Instant stateObservedAt, List<PatchUpdate> updates) {

    public InstanceUpdates {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(setup, "setup");
        updates = updates == null ? List.of() : List.copyOf(updates);
    }
}
