package io.crosspatch.simulator.ssm.patching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.ssm.Page;
import io.crosspatch.simulator.ssm.SsmErrors;
import io.crosspatch.simulator.ssm.SsmJson;
import io.crosspatch.simulator.ssm.SsmRegionState;
import io.crosspatch.simulator.ssm.SsmRequest;
import io.crosspatch.simulator.ssm.SsmState;
import io.crosspatch.simulator.ssm.patching.PatchRun.PatchState;
import io.crosspatch.simulator.ssm.patching.PatchRun.ReportedPatch;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Patch compliance as SSM reports it, from the simulation's ground truth: DescribeInstancePatchStates,
 * DescribeInstancePatchStatesForPatchGroup, DescribeInstancePatches and DescribePatchGroupState. A node no
 * AWS-RunPatchBaseline run has reached yet has no patch state, as in SSM.
 */
final class ComplianceApi {

    private static final Set<String> PATCH_FILTER_KEYS = Set.of("Classification", "KBId", "Severity", "State");
    private static final Map<String, java.util.function.ToIntFunction<PatchComplianceReport>> COUNT_FILTERS = Map.of(
            "InstalledCount", r -> r.count(PatchState.INSTALLED),
            "InstalledOtherCount", r -> r.count(PatchState.INSTALLED_OTHER),
            "InstalledPendingRebootCount", r -> r.count(PatchState.INSTALLED_PENDING_REBOOT),
            "InstalledRejectedCount", r -> r.count(PatchState.INSTALLED_REJECTED),
            "MissingCount", r -> r.count(PatchState.MISSING),
            "FailedCount", r -> r.count(PatchState.FAILED),
            "UnreportedNotApplicableCount", r -> 0,
            "NotApplicableCount", r -> r.count(PatchState.NOT_APPLICABLE));

    private final SsmState ssm;
    private final PatchStates states;

    ComplianceApi(SsmState ssm, PatchStates states) {
        this.ssm = ssm;
        this.states = states;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "DescribeInstancePatchStates", this::describeInstancePatchStates);
        operations.json("ssm", "DescribeInstancePatchStatesForPatchGroup", this::describeForPatchGroup);
        operations.json("ssm", "DescribeInstancePatches", this::describeInstancePatches);
        operations.json("ssm", "DescribePatchGroupState", this::describePatchGroupState);
    }

    private JsonNode describeInstancePatchStates(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        List<String> instanceIds = request.strings("InstanceIds", 50, 10, 124);
        if (instanceIds.isEmpty()) {
            throw SsmErrors.validation("1 validation error detected: Value null at 'instanceIds' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        int maxResults = request.maxResults(10, 100, 50);
        List<NodePatchRecord> records = instanceIds.stream()
                .map(id -> states.reported(call.accountId(), call.region(), id))
                .flatMap(Optional::stream)
                .toList();
        return patchStates(Page.of(records, maxResults, request.nextToken()));
    }

    private JsonNode describeForPatchGroup(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String patchGroup = request.required("PatchGroup", 1, 256, null);
        int maxResults = request.maxResults(10, 100, 50);
        Predicate<PatchComplianceReport> filter = report -> true;
        for (SsmRequest condition : request.objects("Filters", 4)) {
            filter = filter.and(countFilter(condition));
        }
        Predicate<PatchComplianceReport> matching = filter;
        List<NodePatchRecord> records = states.reported(call.accountId(), call.region()).stream()
                .filter(record -> patchGroup.equals(record.patchGroup()) && matching.test(record.report()))
                .toList();
        return patchStates(Page.of(records, maxResults, request.nextToken()));
    }

    private JsonNode describeInstancePatches(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String instanceId = request.required("InstanceId", 10, 124, null);
        int maxResults = request.maxResults(10, 100, 50);
        SsmRegionState region = ssm.region(call.accountId(), call.region());
        if (region.node(instanceId).isEmpty()) {
            throw SsmErrors.invalidInstanceId(
                    "Instance Id " + instanceId + " is not valid for this account and region.");
        }
        Predicate<ReportedPatch> filter = patch -> true;
        for (SsmRequest condition : request.objects("Filters", 4)) {
            filter = filter.and(patchFilter(condition));
        }
        Predicate<ReportedPatch> matching = filter;
        List<ReportedPatch> patches = states.reported(call.accountId(), call.region(), instanceId)
                .map(record ->
                        record.report().patches().stream().filter(matching).toList())
                .orElse(List.of());
        Page<ReportedPatch> page = Page.of(patches, maxResults, request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("Patches");
        page.items().forEach(patch -> list.add(patchJson(patch)));
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    private JsonNode describePatchGroupState(AwsCall call) {
        String patchGroup = SsmRequest.of(call).required("PatchGroup", 1, 256, null);
        List<PatchComplianceReport> reports = states.reported(call.accountId(), call.region()).stream()
                .filter(record -> patchGroup.equals(record.patchGroup()))
                .map(NodePatchRecord::report)
                .toList();
        ObjectNode answer = SsmJson.object();
        answer.put("Instances", reports.size());
        answer.put("InstancesWithInstalledPatches", with(reports, r -> r.count(PatchState.INSTALLED)));
        answer.put("InstancesWithInstalledOtherPatches", with(reports, r -> r.count(PatchState.INSTALLED_OTHER)));
        answer.put(
                "InstancesWithInstalledPendingRebootPatches",
                with(reports, r -> r.count(PatchState.INSTALLED_PENDING_REBOOT)));
        answer.put("InstancesWithInstalledRejectedPatches", with(reports, r -> r.count(PatchState.INSTALLED_REJECTED)));
        answer.put("InstancesWithMissingPatches", with(reports, r -> r.count(PatchState.MISSING)));
        answer.put("InstancesWithFailedPatches", with(reports, r -> r.count(PatchState.FAILED)));
        answer.put("InstancesWithNotApplicablePatches", with(reports, r -> r.count(PatchState.NOT_APPLICABLE)));
        answer.put("InstancesWithUnreportedNotApplicablePatches", 0);
        answer.put(
                "InstancesWithCriticalNonCompliantPatches", with(reports, PatchComplianceReport::criticalNonCompliant));
        answer.put(
                "InstancesWithSecurityNonCompliantPatches", with(reports, PatchComplianceReport::securityNonCompliant));
        answer.put("InstancesWithOtherNonCompliantPatches", with(reports, PatchComplianceReport::otherNonCompliant));
        return answer;
    }

    private static int with(
            List<PatchComplianceReport> reports, java.util.function.ToIntFunction<PatchComplianceReport> count) {
        return (int)
                reports.stream().filter(report -> count.applyAsInt(report) > 0).count();
    }

    private static JsonNode patchStates(Page<NodePatchRecord> page) {
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("InstancePatchStates");
        page.items().forEach(record -> list.add(patchState(record)));
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    static ObjectNode patchState(NodePatchRecord record) {
        PatchComplianceReport report = record.report();
        ObjectNode state = SsmJson.object()
                .put("InstanceId", report.instanceId())
                .put("PatchGroup", record.patchGroup() == null ? "" : record.patchGroup())
                .put("BaselineId", report.baselineId())
                .put("InstalledCount", report.count(PatchState.INSTALLED))
                .put("InstalledOtherCount", report.count(PatchState.INSTALLED_OTHER))
                .put("InstalledPendingRebootCount", report.count(PatchState.INSTALLED_PENDING_REBOOT))
                .put("InstalledRejectedCount", report.count(PatchState.INSTALLED_REJECTED))
                .put("MissingCount", report.count(PatchState.MISSING))
                .put("FailedCount", report.count(PatchState.FAILED))
                .put("UnreportedNotApplicableCount", 0)
                .put("NotApplicableCount", report.count(PatchState.NOT_APPLICABLE))
                .put("Operation", report.operation() == PatchRun.Operation.INSTALL ? "Install" : "Scan")
                .put(
                        "RebootOption",
                        report.rebootOption() == PatchRun.RebootOption.NO_REBOOT ? "NoReboot" : "RebootIfNeeded")
                .put("CriticalNonCompliantCount", report.criticalNonCompliant())
                .put("SecurityNonCompliantCount", report.securityNonCompliant())
                .put("OtherNonCompliantCount", report.otherNonCompliant());
        state.set("OperationStartTime", SsmJson.time(report.operationStart()));
        state.set("OperationEndTime", SsmJson.time(report.operationEnd()));
        return state;
    }

    static ObjectNode patchJson(ReportedPatch reported) {
        CataloguePatch patch = reported.patch();
        ObjectNode json = SsmJson.object()
                .put("Title", patch.title())
                .put("KBId", patch.id())
                .put("Classification", patch.classification())
                .put("Severity", patch.severity())
                .put("State", reported.state().name());
        json.set(
                "InstalledTime", SsmJson.time(reported.installedAt() == null ? Instant.EPOCH : reported.installedAt()));
        if (!patch.cveIds().isEmpty()) {
            json.put("CVEIds", String.join(",", patch.cveIds()));
        }
        return json;
    }

    private static Predicate<ReportedPatch> patchFilter(SsmRequest condition) {
        String key = condition.required("Key", 1, 128, null);
        if (!PATCH_FILTER_KEYS.contains(key)) {
            throw SsmErrors.of("InvalidFilter", "Filter key " + key + " is not valid; use one of " + PATCH_FILTER_KEYS);
        }
        List<String> values = condition.strings("Values", 20, 1, 256);
        return patch -> values.contains(
                switch (key) {
                    case "Classification" -> patch.patch().classification();
                    case "KBId" -> patch.patch().id();
                    case "Severity" -> patch.patch().severity();
                    default -> patch.state().name();
                });
    }

    private static Predicate<PatchComplianceReport> countFilter(SsmRequest condition) {
        String key = condition.required("Key", 1, 200, null);
        java.util.function.ToIntFunction<PatchComplianceReport> count = COUNT_FILTERS.get(key);
        if (count == null) {
            throw SsmErrors.of(
                    "InvalidFilter", "Filter key " + key + " is not valid; use one of " + COUNT_FILTERS.keySet());
        }
        List<String> values = condition.strings("Values", 1, 1, 64);
        if (values.isEmpty()) {
            throw SsmErrors.of("InvalidFilter", "Filter " + key + " needs one value");
        }
        int value;
        try {
            value = Integer.parseInt(values.get(0));
        } catch (NumberFormatException e) {
            throw SsmErrors.of("InvalidFilter", "Filter " + key + " needs a number, not " + values.get(0));
        }
        String type = condition.required("Type", 5, 11, null).toUpperCase(Locale.ROOT);
        return switch (type) {
            case "EQUAL" -> report -> count.applyAsInt(report) == value;
            case "NOTEQUAL" -> report -> count.applyAsInt(report) != value;
            case "LESSTHAN" -> report -> count.applyAsInt(report) < value;
            case "GREATERTHAN" -> report -> count.applyAsInt(report) > value;
            default ->
                throw SsmErrors.of(
                        "InvalidFilter",
                        "Filter type " + type + " is not one of Equal, NotEqual, LessThan, GreaterThan");
        };
    }
}
