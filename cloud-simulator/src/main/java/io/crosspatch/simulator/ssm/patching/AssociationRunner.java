package io.crosspatch.simulator.ssm.patching;

import io.crosspatch.simulator.ssm.Association;
import io.crosspatch.simulator.ssm.ManagedNode;
import io.crosspatch.simulator.ssm.PingStatus;
import io.crosspatch.simulator.ssm.Schedule;
import io.crosspatch.simulator.ssm.SsmRegionState;
import io.crosspatch.simulator.ssm.SsmState;
import io.crosspatch.simulator.ssm.patching.PatchRun.Operation;
import io.crosspatch.simulator.ssm.patching.PatchRun.RebootOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs State Manager associations of {@code AWS-RunPatchBaseline} (the regular Scan that keeps compliance fresh
 * between install windows) and of {@code AWS-UpdateSSMAgent} (every targeted Online node then runs the latest agent,
 * or the {@code version} asked for, so DescribeInstanceInformation reports {@code IsLatestVersion} true) on their
 * schedule: once when created unless {@code ApplyOnlyAtCronInterval}, then at every occurrence. Software inventory
 * ({@code AWS-GatherSoftwareInventory}) is run by the inventory module's own runner.
 */
final class AssociationRunner {

    private static final int MAX_RUNS_PER_ASSOCIATION_AND_TICK = 100;
    static final String UPDATE_SSM_AGENT = "AWS-UpdateSSMAgent";

    private final SsmState ssm;
    private final WindowRunner runner;
    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();

    AssociationRunner(SsmState ssm, WindowRunner runner) {
        this.ssm = ssm;
        this.runner = runner;
    }

    synchronized void runDue(Instant now) {
        for (SsmRegionState region : ssm.regions()) {
            for (Association association : region.associations()) {
                if (WindowRunner.RUN_PATCH_BASELINE.equals(association.name())
                        || UPDATE_SSM_AGENT.equals(association.name())) {
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
                run(region, association, last);
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
                run(region, association, last);
            }
        }
        lastRun.put(key, last);
    }

    private void run(SsmRegionState region, Association association, Instant at) {
        if (UPDATE_SSM_AGENT.equals(association.name())) {
            updateAgents(region, association);
            return;
        }
        Operation operation =
                WindowRunner.operation(first(association.parameters().get("Operation")));
        RebootOption reboot =
                WindowRunner.rebootOption(first(association.parameters().get("RebootOption")));
        for (ManagedNode node : region.nodesMatching(association.targets())) {
            runner.runOn(region, node, operation, reboot, at);
        }
    }

    /** Offline nodes are not reached: they keep their agent until a later run finds them Online. */
    private static void updateAgents(SsmRegionState region, Association association) {
        String version = first(association.parameters().get("version"));
        for (ManagedNode node : region.nodesMatching(association.targets())) {
            if (node.pingStatus() == PingStatus.ONLINE) {
                region.updateAgent(node.instanceId(), version);
            }
        }
    }

    private static @Nullable String first(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
