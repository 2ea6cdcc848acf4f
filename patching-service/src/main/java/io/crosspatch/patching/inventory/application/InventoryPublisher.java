package io.crosspatch.patching.inventory.application;

import io.crosspatch.patching.inventory.domain.InventoryReport;

/** Publishes an instance's inventory (a port; {@code instance.inventory} behind it), returning once it is stored. */
public interface InventoryPublisher {

    void publish(InventoryReport report);
}
