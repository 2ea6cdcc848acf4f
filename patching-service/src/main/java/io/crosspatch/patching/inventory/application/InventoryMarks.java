package io.crosspatch.patching.inventory.application;

import io.crosspatch.patching.inventory.domain.InventoryMark;
import java.time.Instant;
import java.util.Map;

/** What was last published about the inventory of each node of a system account (a port; one partition per account). */
public interface InventoryMarks {

    /** Managed instance id → its mark, for the nodes of the account published at least once. */
    Map<String, InventoryMark> ofAccount(String accountId);

    void mark(String accountId, String managedInstanceId, InventoryMark mark, Instant at);
}
