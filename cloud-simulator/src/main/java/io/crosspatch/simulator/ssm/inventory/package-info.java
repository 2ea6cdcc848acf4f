/**
 * What {@code AWS-GatherSoftwareInventory} does on hybrid nodes, and the SSM inventory read API over it: a
 * deterministic per-OS inventory per node, gathered when the association runs (and when a node newly matches its
 * targets), read with ListInventoryEntries; {@code /_sim/inventory} is its ground truth.
 */
package io.crosspatch.simulator.ssm.inventory;
