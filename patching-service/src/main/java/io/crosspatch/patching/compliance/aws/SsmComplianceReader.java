package io.crosspatch.patching.compliance.aws;

import io.crosspatch.kernel.PatchCounts;
import io.crosspatch.patching.compliance.application.ComplianceReader;
import io.crosspatch.patching.compliance.domain.NodePatch;
import io.crosspatch.patching.compliance.domain.NodePatchState;
import io.crosspatch.patching.compliance.domain.WindowOutcome;
import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstancePatchStatesResponse;
import software.amazon.awssdk.services.ssm.model.DescribeInstancePatchesResponse;
import software.amazon.awssdk.services.ssm.model.DescribeMaintenanceWindowsResponse;
import software.amazon.awssdk.services.ssm.model.InstancePatchState;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowExecution;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowIdentity;
import software.amazon.awssdk.services.ssm.model.PatchComplianceData;

/**
 * {@link ComplianceReader} on SSM: DescribeInstancePatchStates in batches of 50 nodes, DescribeInstancePatches in
 * pages of 100, and DescribeMaintenanceWindowExecutions of each Crosspatch install window. SSM's types end here:
 * what leaves is the compliance domain's records.
 */
@Component
class SsmComplianceReader implements ComplianceReader {

    private static final String INSTALL_WINDOW_PREFIX = "crosspatch-install-";

    private final BudgetedCalls<SsmClient> ssm;

    public SsmComplianceReader(BudgetedCalls<SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public List<NodePatchState> patchStates(SystemAccountRef account, List<String> instanceIds) {
        List<NodePatchState> states = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeInstancePatchStatesResponse page = ssm.call(
                    account,
                    "DescribeInstancePatchStates",
                    c -> c.describeInstancePatchStates(
                            r -> r.instanceIds(instanceIds).maxResults(50).nextToken(next)));
            page.instancePatchStates().forEach(state -> states.add(state(state)));
            token = page.nextToken();
        } while (token != null);
        return states;
    }

    @Override
    public List<NodePatch> patches(SystemAccountRef account, String instanceId) {
        List<NodePatch> patches = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeInstancePatchesResponse page = ssm.call(
                    account,
                    "DescribeInstancePatches",
                    c -> c.describeInstancePatches(
                            r -> r.instanceId(instanceId).maxResults(100).nextToken(next)));
            page.patches().forEach(patch -> patches.add(patch(patch)));
            token = page.nextToken();
        } while (token != null);
        return patches;
    }

    @Override
    public Map<String, WindowOutcome> latestInstallRuns(SystemAccountRef account) {
        List<MaintenanceWindowIdentity> windows = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeMaintenanceWindowsResponse page = ssm.call(
                    account,
                    "DescribeMaintenanceWindows",
                    c -> c.describeMaintenanceWindows(r -> r.maxResults(100).nextToken(next)));
            page.windowIdentities().stream()
                    .filter(w -> w.name().startsWith(INSTALL_WINDOW_PREFIX))
                    .forEach(windows::add);
            token = page.nextToken();
        } while (token != null);
        Map<String, WindowOutcome> outcomes = new HashMap<>();
        for (MaintenanceWindowIdentity window : windows) {
            List<MaintenanceWindowExecution> executions = ssm.call(
                            account,
                            "DescribeMaintenanceWindowExecutions",
                            c -> c.describeMaintenanceWindowExecutions(
                                    r -> r.windowId(window.windowId()).maxResults(10)))
                    .windowExecutions();
            executions.stream()
                    .filter(e -> e.startTime() != null)
                    .max((a, b) -> a.startTime().compareTo(b.startTime()))
                    .ifPresent(latest -> outcomes.put(
                            window.name().substring(INSTALL_WINDOW_PREFIX.length()),
                            new WindowOutcome(
                                    window.name(), latest.statusAsString(), latest.startTime(), latest.endTime())));
        }
        return outcomes;
    }

    private static NodePatchState state(InstancePatchState s) {
        return new NodePatchState(
                s.instanceId(),
                s.patchGroup(),
                s.baselineId(),
                new PatchCounts(
                        n(s.installedCount()),
                        n(s.installedOtherCount()),
                        n(s.installedPendingRebootCount()),
                        n(s.installedRejectedCount()),
                        n(s.missingCount()),
                        n(s.failedCount()),
                        n(s.notApplicableCount()),
                        n(s.criticalNonCompliantCount()),
                        n(s.securityNonCompliantCount()),
                        n(s.otherNonCompliantCount())),
                s.operationAsString(),
                s.operationStartTime(),
                s.operationEndTime());
    }

    private static NodePatch patch(PatchComplianceData p) {
        Instant installed =
                p.installedTime() == null || Instant.EPOCH.equals(p.installedTime()) ? null : p.installedTime();
        List<String> cves = p.cveIds() == null || p.cveIds().isBlank()
                ? List.of()
                : Arrays.asList(p.cveIds().split(","));
        return new NodePatch(p.kbId(), p.title(), p.classification(), p.severity(), p.stateAsString(), installed, cves);
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }
}
