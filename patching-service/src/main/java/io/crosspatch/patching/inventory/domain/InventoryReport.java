package io.crosspatch.patching.inventory.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What {@code instance.inventory} publishes about one instance: who it is, its OS, kernel and address, and its
 * applications bounded to {@link InventoryAssembler#MAX_APPLICATIONS} (with the true count beside them).
 *
 * @param occurredAt             the newest capture time of the types read
 * @param applicationsCapturedAt the applications' capture time, null when the node has none yet
 * @param applicationCount       how many applications SSM lists, also when {@code applications} is cut
 * @param applicationsTruncated  whether {@code applications} holds only the first ones by name
 */
public record InventoryReport(
        UUID eventId,
        Instant occurredAt,
        Node node,
        @Nullable String hostname,
        @Nullable String platformType,
        @Nullable String platformName,
        @Nullable String platformVersion,
        @Nullable String kernelVersion,
        @Nullable String ipAddress,
        @Nullable String agentVersion,
        @Nullable Instant applicationsCapturedAt,
        int applicationCount,
        boolean applicationsTruncated,
        List<Application> applications) {

    public InventoryReport {
        Objects.requireNonNull(node, "node");
        applications = List.copyOf(applications);
    }

    /** Which instance: the enrollment's identity of the managed node. */
    public record Node(
            String tenantId,
            CloudAccountKey cloudAccount,
            String instanceId,
            String managedInstanceId,
            String systemAccountId) {}
}
