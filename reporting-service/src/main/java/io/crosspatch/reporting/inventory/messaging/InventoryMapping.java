package io.crosspatch.reporting.inventory.messaging;

import io.crosspatch.events.InstanceInventory;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.reporting.inventory.domain.InstalledApplication;
import io.crosspatch.schemas.topics.Providers;
import org.jspecify.annotations.Nullable;

/** The {@code instance.inventory} record as the read model's {@link io.crosspatch.reporting.inventory.domain.InstanceInventory}. */
final class InventoryMapping {

    private InventoryMapping() {}

    static io.crosspatch.reporting.inventory.domain.InstanceInventory inventory(InstanceInventory event) {
        return new io.crosspatch.reporting.inventory.domain.InstanceInventory(
                event.getTenantId(),
                new CloudAccountKey(Providers.fromAvro(event.getProvider()), event.getCloudAccountId()),
                event.getInstanceId(),
                event.getOccurredAt(),
                event.getManagedInstanceId(),
                text(event.getHostname()),
                text(event.getPlatformName()),
                text(event.getPlatformVersion()),
                text(event.getKernelVersion()),
                text(event.getIpAddress()),
                text(event.getAgentVersion()),
                event.getApplicationCount(),
                event.getApplicationsTruncated(),
                event.getApplications().stream()
                        .map(a -> new InstalledApplication(a.getName(), text(a.getVersion()), text(a.getPublisher())))
                        .toList());
    }

    private static @Nullable String text(@Nullable CharSequence value) {
        return value == null ? null : value.toString();
    }
}
