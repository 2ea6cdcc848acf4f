package io.crosspatch.reporting.inventory.web;

import io.crosspatch.reporting.inventory.domain.InstanceInventory;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An instance's inventory summary: what the instance detail shows above its application list.
 *
 * @param applicationCount      how many applications the instance has
 * @param applicationsTruncated true when only the first 2,000 by name are listed
 * @param observedAt            when SSM captured this inventory
 */
record InventoryView(
        String instanceId,
        String provider,
        String cloudAccountId,
        @Nullable String managedInstanceId,
        @Nullable String hostname,
        @Nullable String osName,
        @Nullable String osVersion,
        @Nullable String kernelVersion,
        @Nullable String ipAddress,
        @Nullable String agentVersion,
        int applicationCount,
        boolean applicationsTruncated,
        Instant observedAt) {

    static InventoryView of(InstanceInventory inventory) {
        return new InventoryView(
                inventory.instanceId(),
                inventory.cloudAccount().provider().wireName(),
                inventory.cloudAccount().cloudAccountId(),
                inventory.managedInstanceId(),
                inventory.hostname(),
                inventory.platformName(),
                inventory.platformVersion(),
                inventory.kernelVersion(),
                inventory.ipAddress(),
                inventory.agentVersion(),
                inventory.applicationCount(),
                inventory.applicationsTruncated(),
                inventory.observedAt());
    }
}
