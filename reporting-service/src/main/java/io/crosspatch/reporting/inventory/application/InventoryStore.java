package io.crosspatch.reporting.inventory.application;

import io.crosspatch.reporting.inventory.domain.InstanceInventory;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where inventories are kept and read (a port; Cassandra behind it), one row per instance and cloud account. */
public interface InventoryStore {

    /** Upserts at the inventory's time, so an older one never overwrites a newer one; completes once stored. */
    CompletableFuture<Void> write(InstanceInventory inventory);

    /** The inventories stored for this provider instance id in the tenant (one per cloud account holding the id). */
    List<InstanceInventory> find(String tenantId, String instanceId);
}
