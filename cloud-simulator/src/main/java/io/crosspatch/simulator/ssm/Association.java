package io.crosspatch.simulator.ssm;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A State Manager association: an SSM document (e.g. {@code AWS-GatherSoftwareInventory}) applied to targets on a
 * schedule. Its status starts Pending; whoever runs it updates it.
 *
 * @param name          the document name
 * @param instanceId    the legacy single-node form, or null when {@code targets} are used
 * @param overviewStatus Pending, Success or Failed
 */
public record Association(
        String associationId,
        String name,
        @Nullable String associationName,
        String documentVersion,
        @Nullable String instanceId,
        List<Target> targets,
        Map<String, List<String>> parameters,
        @Nullable String scheduleExpression,
        @Nullable Integer scheduleOffset,
        @Nullable String maxConcurrency,
        @Nullable String maxErrors,
        @Nullable String complianceSeverity,
        String syncCompliance,
        boolean applyOnlyAtCronInterval,
        int associationVersion,
        Instant date,
        Instant lastUpdateAssociationDate,
        String overviewStatus,
        String detailedStatus,
        @Nullable Instant lastExecutionDate,
        Map<String, String> tags) {

    public Association {
        targets = List.copyOf(targets);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        parameters = Collections.unmodifiableMap(copy);
        tags = Tags.copyOf(tags);
    }

    /** Whether the association applies to the node. */
    public boolean targets(ManagedNode node) {
        if (instanceId != null) {
            return instanceId.equals(node.instanceId());
        }
        return !targets.isEmpty() && targets.stream().allMatch(target -> target.selects(node));
    }

    Association withTags(Map<String, String> newTags) {
        return new Association(
                associationId,
                name,
                associationName,
                documentVersion,
                instanceId,
                targets,
                parameters,
                scheduleExpression,
                scheduleOffset,
                maxConcurrency,
                maxErrors,
                complianceSeverity,
                syncCompliance,
                applyOnlyAtCronInterval,
                associationVersion,
                date,
                lastUpdateAssociationDate,
                overviewStatus,
                detailedStatus,
                lastExecutionDate,
                newTags);
    }
}
