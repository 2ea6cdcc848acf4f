package io.crosspatch.simulator.ssm.inventory;

import io.crosspatch.simulator.ssm.Association;
import io.crosspatch.simulator.ssm.ManagedNode;
import io.crosspatch.simulator.ssm.PingStatus;
import io.crosspatch.simulator.ssm.Schedule;
import io.crosspatch.simulator.ssm.SsmRegionState;
import io.crosspatch.simulator.ssm.SsmState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs State Manager associations of {@code AWS-GatherSoftwareInventory} as State Manager does: once when created
 * (unless {@code ApplyOnlyAtCronInterval}), at every occurrence of its schedule, and on a node as soon as the node
 * newly matches the targets (a node registered after the association). Only online nodes are reached; an offline
 * node keeps its last inventory.
 */
final class InventoryRunner {

    static final String GATHER_SOFTWARE_INVENTORY = "AWS-GatherSoftwareInventory";
    private static final int MAX_RUNS_PER_ASSOCIATION_AND_TICK = 100;

    private final SsmState ssm;
    private final NodeInventories inventories;
    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();

    InventoryRunner(SsmState ssm, NodeInventories inventories) {
        this.ssm = ssm;
        this.inventories = inventories;
    }

    synchronized void runDue(Instant now) {
        for (SsmRegionState region : ssm.regions()) {
            for (Association association : region.associations()) {
                if (GATHER_SOFTWARE_INVENTORY.equals(association.name())) {
                    runDue(region, association, now);
                }
            }
        }
    }

    private void runDue(SsmRegionState region, Association association, Instant now) {
        String key = region.accountId() + "/" + region.region() + "/" + association.associationId();
        Instant last = lastRun.get(key);
        if (last == null) {
            last = association.date();
            if (!association.applyOnlyAtCronInterval()) {
                run(region, association, last, false);
            }
        }
        if (association.scheduleExpression() != null) {
            Schedule schedule = Schedule.parse(association.scheduleExpression());
            ZonedDateTime since = association.date().atZone(ZoneOffset.UTC);
            int offset = association.scheduleOffset() == null ? 0 : association.scheduleOffset();
            for (int i = 0; i < MAX_RUNS_PER_ASSOCIATION_AND_TICK; i++) {
                Optional<ZonedDateTime> next = schedule.next(last.atZone(ZoneOffset.UTC), since, offset);
                if (next.isEmpty() || next.get().toInstant().isAfter(now)) {
                    break;
                }
                last = next.get().toInstant();
                run(region, association, last, false);
            }
        }
        lastRun.put(key, last);
        // nodes that matched the targets after the last run are reached now, not at the next occurrence (the scan
        // is skipped, every 200 ms tick, while every node of the region already has an inventory)
        if (inventories.gatheredCount(region.accountId(), region.region())
                < region.nodes().size()) {
            run(region, association, now, true);
        }
    }

    private void run(SsmRegionState region, Association association, Instant at, boolean onlyNew) {
        for (ManagedNode node : region.nodesMatching(association.targets())) {
            if (node.pingStatus() != PingStatus.ONLINE
                    || node.registrationDate().isAfter(at)
                    || (onlyNew && inventories.gathered(region.accountId(), region.region(), node.instanceId()))) {
                continue;
            }
            inventories.gather(region.accountId(), region.region(), node, at);
        }
    }
}
