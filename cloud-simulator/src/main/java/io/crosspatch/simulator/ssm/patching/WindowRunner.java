package io.crosspatch.simulator.ssm.patching;

import io.crosspatch.simulator.ssm.MaintenanceWindow;
import io.crosspatch.simulator.ssm.ManagedNode;
import io.crosspatch.simulator.ssm.PingStatus;
import io.crosspatch.simulator.ssm.SsmRegionState;
import io.crosspatch.simulator.ssm.SsmState;
import io.crosspatch.simulator.ssm.WindowExecution;
import io.crosspatch.simulator.ssm.WindowExecutionStatus;
import io.crosspatch.simulator.ssm.WindowTask;
import io.crosspatch.simulator.ssm.patching.PatchRun.Operation;
import io.crosspatch.simulator.ssm.patching.PatchRun.RebootOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens maintenance windows when their schedule comes due on the simulated clock (or when a test asks) and
 * runs their {@code AWS-RunPatchBaseline} tasks on the targeted nodes, each with the baseline registered for
 * its patch group and OS. Nodes that are not Online fail their invocation, as an unreachable agent does. Each
 * run is recorded as a window execution: SUCCESS when every node succeeded, FAILED otherwise.
 */
final class WindowRunner {

    private static final Logger log = LoggerFactory.getLogger(WindowRunner.class);
    static final String RUN_PATCH_BASELINE = "AWS-RunPatchBaseline";
    /** A guard against a fine-grained rate schedule after a long clock advance. */
    private static final int MAX_RUNS_PER_WINDOW_AND_TICK = 100;

    private final SsmState ssm;
    private final PatchStates states;
    private final PatchRun patchRun;
    private final Map<String, Instant> lastConsidered = new ConcurrentHashMap<>();

    WindowRunner(SsmState ssm, PatchStates states, PatchRun patchRun) {
        this.ssm = ssm;
        this.states = states;
        this.patchRun = patchRun;
    }

    /** Runs every window that came due up to {@code now}, in schedule order. */
    synchronized void runDue(Instant now) {
        for (SsmRegionState region : ssm.regions()) {
            for (MaintenanceWindow window : region.windows()) {
                String key = region.accountId() + "/" + region.region() + "/" + window.windowId();
                Instant last = lastConsidered.getOrDefault(key, window.scheduledSince());
                for (int i = 0; i < MAX_RUNS_PER_WINDOW_AND_TICK; i++) {
                    Optional<ZonedDateTime> next = window.nextExecutionAfter(last);
                    if (next.isEmpty() || next.get().toInstant().isAfter(now)) {
                        break;
                    }
                    last = next.get().toInstant();
                    if (window.enabled()) {
                        run(region, window, last);
                    }
                }
                lastConsidered.put(key, last);
            }
        }
    }

    /** Opens {@code window} at {@code start}, whatever its schedule says. */
    synchronized WindowExecution run(SsmRegionState region, MaintenanceWindow window, Instant start) {
        List<WindowTask> tasks = region.windowTasks(window.windowId()).stream()
                .filter(task -> RUN_PATCH_BASELINE.equals(task.taskArn()))
                .sorted(Comparator.comparingInt(WindowTask::priority))
                .toList();
        int invocations = 0;
        int failures = 0;
        Instant end = start;
        for (WindowTask task : tasks) {
            Operation operation = operation(task.parameter("Operation"));
            RebootOption reboot = rebootOption(task.parameter("RebootOption"));
            for (ManagedNode node : region.nodesTargetedBy(task)) {
                invocations++;
                Optional<PatchComplianceReport> report = runOn(region, node, operation, reboot, start);
                if (report.isEmpty() || !report.get().succeeded()) {
                    failures++;
                }
                end = report.map(PatchComplianceReport::operationEnd)
                        .filter(end::isBefore)
                        .orElse(end);
            }
        }
        Instant cutoff = start.plus(Duration.ofHours(window.duration() - window.cutoff()));
        WindowExecution execution = new WindowExecution(
                UUID.randomUUID().toString(),
                window.windowId(),
                failures == 0 ? WindowExecutionStatus.SUCCESS : WindowExecutionStatus.FAILED,
                failures == 0 ? null : failures + " of " + invocations + " invocations failed",
                start,
                end.isAfter(cutoff) ? cutoff : end);
        region.recordExecution(execution);
        log.debug("window {} ran at {}: {} invocations, {} failed", window.windowId(), start, invocations, failures);
        return execution;
    }

    /** Runs AWS-RunPatchBaseline on one node; empty when the node could not be reached. */
    Optional<PatchComplianceReport> runOn(
            SsmRegionState region, ManagedNode node, Operation operation, RebootOption reboot, Instant start) {
        if (node.pingStatus() != PingStatus.ONLINE) {
            return Optional.empty();
        }
        NodePatchRecord record = states.of(region.accountId(), region.region(), node);
        PatchComplianceReport report = patchRun.run(
                record.installed(), BaselineRulesMapping.of(region.baselineFor(node)), operation, reboot, start);
        states.report(record, node.patchGroup().orElse(null), report);
        return Optional.of(report);
    }

    static Operation operation(@Nullable String value) {
        return value != null && value.toLowerCase(Locale.ROOT).equals("install") ? Operation.INSTALL : Operation.SCAN;
    }

    static RebootOption rebootOption(@Nullable String value) {
        return value != null && value.equalsIgnoreCase("NoReboot")
                ? RebootOption.NO_REBOOT
                : RebootOption.REBOOT_IF_NEEDED;
    }
}
