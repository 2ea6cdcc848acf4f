package io.crosspatch.simulator.ssm;

import java.util.List;

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
        String ownerInformation,
        String name,
        String description) {

    public WindowTarget {
        targets = List.copyOf(targets);
    }

    /** Whether the node is one of this target's: it must match every target entry (AWS ANDs them). */
    public boolean selects(ManagedNode node) {
        return !targets.isEmpty() && targets.stream().allMatch(target -> target.selects(node));
    }
}
