package io.crosspatch.simulator.ssm.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One inventory type of one node as SSM holds it: the entries of the last gather whose content differed from the
 * one before, and that gather's time. Like the agent, which uploads a type only when its content hash changed, an
 * unchanged gather keeps the old capture time — which is what lets a reader skip unchanged nodes.
 */
record InventoryItem(InventoryType type, Instant captureTime, String contentHash, List<Map<String, String>> entries) {

    InventoryItem {
        entries = entries.stream().map(Map::copyOf).toList();
    }
}
