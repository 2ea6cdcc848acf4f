package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import java.util.List;
import java.util.function.Predicate;

/**
 * Register/DeregisterPatchBaselineForPatchGroup, DescribePatchGroups and GetPatchBaselineForPatchGroup. A patch
 * group has at most one baseline per operating system; a baseline serves at most 25 patch groups. A group without a
 * baseline for an OS gets the account's default baseline for it.
 */
final class PatchGroups {

    private final SsmState state;

    PatchGroups(SsmState state) {
        this.state = state;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "RegisterPatchBaselineForPatchGroup", this::registerBaseline);
        operations.json("ssm", "DeregisterPatchBaselineForPatchGroup", this::deregisterBaseline);
        operations.json("ssm", "DescribePatchGroups", this::describe);
        operations.json("ssm", "GetPatchBaselineForPatchGroup", this::baselineForPatchGroup);
    }

    private JsonNode registerBaseline(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String baselineId = request.required("BaselineId", 20, 128, Baselines.BASELINE_ID);
        String patchGroup = patchGroup(request);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            PatchBaseline baseline = region.baseline(baselineId).orElseThrow(() -> Baselines.missing(baselineId));
            region.baselineForPatchGroup(patchGroup, baseline.operatingSystem()).ifPresent(registered -> {
                throw SsmErrors.of(
                        "AlreadyExistsException",
                        "Patch Group " + patchGroup + " is already registered with" + " baseline "
                                + registered.baselineId() + " for " + baseline.operatingSystem() + ".");
            });
            if (region.patchGroupsOf(baselineId).size() >= SsmRegionState.PATCH_GROUPS_PER_BASELINE_QUOTA) {
                throw SsmErrors.resourceLimitExceeded("Patch baseline " + baselineId + " already has "
                        + SsmRegionState.PATCH_GROUPS_PER_BASELINE_QUOTA + " patch groups.");
            }
            region.registerPatchGroup(new PatchGroupRegistration(patchGroup, baseline.operatingSystem(), baselineId));
        }
        return SsmJson.object().put("BaselineId", baselineId).put("PatchGroup", patchGroup);
    }

    private JsonNode deregisterBaseline(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String baselineId = request.required("BaselineId", 20, 128, Baselines.BASELINE_ID);
        String patchGroup = patchGroup(request);
        if (!state.region(call.accountId(), call.region()).deregisterPatchGroup(patchGroup, baselineId)) {
            throw SsmErrors.invalidResourceId(
                    "Patch Group " + patchGroup + " is not registered with baseline " + baselineId + ".");
        }
        return SsmJson.object().put("BaselineId", baselineId).put("PatchGroup", patchGroup);
    }

    private JsonNode describe(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        int maxResults = request.maxResults(1, 100, 50);
        Predicate<PatchGroupRegistration> filter = registration -> true;
        for (SsmRequest item : request.objects("Filters", 5)) {
            String key = item.required("Key", 1, 128, null);
            List<String> values = item.strings("Values", 1000, 1, 256);
            filter = filter.and(
                    switch (key) {
                        case "NAME_PREFIX" ->
                            registration -> values.stream().anyMatch(registration.patchGroup()::startsWith);
                        case "OPERATING_SYSTEM" ->
                            registration -> values.contains(
                                    registration.operatingSystem().name());
                        default ->
                            throw SsmErrors.validation(
                                    "The filter key " + key + " isn't valid for DescribePatchGroups.");
                    });
        }
        SsmRegionState region = state.region(call.accountId(), call.region());
        Page<PatchGroupRegistration> page = Page.of(
                region.patchGroupRegistrations().stream().filter(filter).toList(), maxResults, request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode mappings = answer.putArray("Mappings");
        for (PatchGroupRegistration registration : page.items()) {
            region.baseline(registration.baselineId())
                    .ifPresent(baseline -> mappings.addObject()
                            .put("PatchGroup", registration.patchGroup())
                            .set(
                                    "BaselineIdentity",
                                    BaselineJson.identity(baseline, region.isDefaultBaseline(baseline))));
        }
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    private JsonNode baselineForPatchGroup(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String patchGroup = patchGroup(request);
        OperatingSystem os = Baselines.operatingSystem(request);
        SsmRegionState region = state.region(call.accountId(), call.region());
        PatchBaseline baseline =
                region.baselineForPatchGroup(patchGroup, os).orElseGet(() -> region.defaultBaseline(os));
        return SsmJson.object()
                .put("BaselineId", baseline.baselineId())
                .put("PatchGroup", patchGroup)
                .put("OperatingSystem", os.name());
    }

    private static String patchGroup(SsmRequest request) {
        return request.required("PatchGroup", 1, 256, SsmRequest.TAG_TEXT);
    }
}
