package io.crosspatch.patching.inventory.messaging;

import io.crosspatch.events.InstalledApplication;
import io.crosspatch.events.InstanceInventory;
import io.crosspatch.patching.inventory.domain.InventoryReport;
import io.crosspatch.schemas.topics.Providers;

/** The edge between an {@link InventoryReport} and the {@code instance.inventory} record: absent values are its nulls. */
final class InstanceInventories {

    private InstanceInventories() {}

    static InstanceInventory toAvro(InventoryReport report) {
        InventoryReport.Node node = report.node();
        return InstanceInventory.newBuilder()
                .setEventId(report.eventId())
                .setOccurredAt(report.occurredAt())
                .setTenantId(node.tenantId())
                .setProvider(Providers.toAvro(node.cloudAccount().provider()))
                .setCloudAccountId(node.cloudAccount().cloudAccountId())
                .setInstanceId(node.instanceId())
                .setManagedInstanceId(node.managedInstanceId())
                .setSystemAccountId(node.systemAccountId())
                .setHostname(report.hostname())
                .setPlatformType(report.platformType())
                .setPlatformName(report.platformName())
                .setPlatformVersion(report.platformVersion())
                .setKernelVersion(report.kernelVersion())
                .setIpAddress(report.ipAddress())
                .setAgentVersion(report.agentVersion())
                .setApplicationsCapturedAt(report.applicationsCapturedAt())
                .setApplicationCount(report.applicationCount())
                .setApplicationsTruncated(report.applicationsTruncated())
                .setApplications(report.applications().stream()
                        .map(a -> new InstalledApplication(a.name(), a.version(), a.publisher()))
                        .toList())
                .build();
    }
}
