package io.crosspatch.simulator.ssm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A target registered with a maintenance window, e.g. all nodes tagged {@code Patch Group=early}.
 *
 * @param resourceType INSTANCE or RESOURCE_GROUP
 */
public record WindowTarget(
        String windowTargetId,
        String windowId,
        String resourceType,
        List<Target> targets,
        @Nullable String ownerInformation,
        @Nullable String name,
        @Nullable String description) {

    public WindowTarget {
        targets = List.copyOf(targets);
    }

    /** Whether the node is one of this target's: it must match every target entry (AWS ANDs them). */
    public boolean selects(ManagedNode node) {
        return !targets.isEmpty() && targets.stream().allMatch(target -> target.selects(node));
    }
}
