package io.crosspatch.reporting.inventory.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The newest software inventory of one instance, as {@code instance.inventory} carried it: OS, kernel, address,
 * agent, and the applications (at most 2,000 by name; {@code applicationCount} is the true total).
 */
public record InstanceInventory(
        String tenantId,
        CloudAccountKey cloudAccount,
        String instanceId,
        Instant observedAt,
        @Nullable String managedInstanceId,
        @Nullable String hostname,
        @Nullable String platformName,
        @Nullable String platformVersion,
        @Nullable String kernelVersion,
        @Nullable String ipAddress,
        @Nullable String agentVersion,
        int applicationCount,
        boolean applicationsTruncated,
        List<InstalledApplication> applications) {

    public InstanceInventory {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(cloudAccount, "cloudAccount");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(observedAt, "observedAt");
        applications = List.copyOf(applications);
    }
}
