package io.crosspatch.reporting.inventory.messaging;

import io.crosspatch.events.InstanceInventory;
import io.crosspatch.reporting.inventory.application.InventoryUpdater;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code instance.inventory} into the read model. A thin adapter: maps the record and makes one application call.
 * Unreadable records are the service kit's error handler's (dead-lettered), like every other topic's.
 */
@Component
class InventoryListener {

    private final InventoryUpdater updater;

    public InventoryListener(InventoryUpdater updater) {
        this.updater = updater;
    }

    @KafkaListener(
            id = "reporting-instance-inventory",
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).INSTANCE_INVENTORY.name()}")
    public void onInstanceInventory(InstanceInventory inventory) {
        updater.apply(List.of(InventoryMapping.inventory(inventory)));
    }
}
