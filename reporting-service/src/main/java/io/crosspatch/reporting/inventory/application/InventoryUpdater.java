package io.crosspatch.reporting.inventory.application;

import io.crosspatch.reporting.inventory.domain.InstanceInventory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * Writes received inventories. Idempotent by construction: each is an upsert by natural key at its own time, so a
 * redelivered or older inventory changes nothing.
 */
@Service
public class InventoryUpdater {

    private final InventoryStore store;

    public InventoryUpdater(InventoryStore store) {
        this.store = store;
    }

    public void apply(List<InstanceInventory> inventories) {
        CompletableFuture.allOf(inventories.stream().map(store::write).toArray(CompletableFuture[]::new))
                .join();
    }
}
