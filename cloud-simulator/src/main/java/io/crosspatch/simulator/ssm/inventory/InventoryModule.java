package io.crosspatch.simulator.ssm.inventory;

import io.crosspatch.simulator.SimulatorContext;
import io.crosspatch.simulator.SimulatorModule;
import io.crosspatch.simulator.ssm.SsmModule;

/**
 * What SSM Inventory does by itself: runs {@code AWS-GatherSoftwareInventory} associations on the simulated clock
 * against a deterministic per-OS software catalogue, and serves ListInventoryEntries. The catalogue depends only on
 * the simulator's random seed and the node, so the same run always yields the same inventory.
 */
public final class InventoryModule implements SimulatorModule {

    private final SsmModule ssm;

    public InventoryModule(SsmModule ssm) {
        this.ssm = ssm;
    }

    @Override
    public void install(SimulatorContext context) {
        NodeInventories inventories =
                new NodeInventories(new SoftwareCatalogue(context.config().seed()));
        InventoryRunner runner = new InventoryRunner(ssm.state(), inventories);
        new InventoryApi(ssm.state(), inventories).register(context.operations());
        InventoryControlRoute control = new InventoryControlRoute(
                ssm.state(), inventories, () -> context.clock().instant());
        context.server().route(InventoryControlRoute.PATH, control);
        context.server().route(InventoryControlRoute.APPLICATIONS_PATH, control);
        context.clock().onTick(runner::runDue);
    }
}
