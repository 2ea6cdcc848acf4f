package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A patch baseline in its wire shapes: the full definition (Get/UpdatePatchBaseline) and its identity (Describe*). */
final class BaselineJson {

    private BaselineJson() {}

    /** GetPatchBaseline's members, without PatchGroups (the caller adds them). */
    static ObjectNode full(PatchBaseline baseline) {
        ObjectNode json = SsmJson.object()
                .put("BaselineId", baseline.baselineId())
                .put("Name", baseline.name())
                .put("OperatingSystem", baseline.operatingSystem().name());
        json.set("GlobalFilters", filterGroup(baseline.globalFilters()));
        ArrayNode rules = json.putObject("ApprovalRules").putArray("PatchRules");
        for (PatchRule rule : baseline.approvalRules()) {
            ObjectNode item = rules.addObject();
            item.set("PatchFilterGroup", filterGroup(rule.filters()));
            SsmJson.put(item, "ComplianceLevel", rule.complianceLevel());
            SsmJson.put(item, "ApproveAfterDays", rule.approveAfterDays());
            SsmJson.put(
                    item,
                    "ApproveUntilDate",
                    rule.approveUntilDate() == null
                            ? null
                            : rule.approveUntilDate().toString());
            SsmJson.put(item, "EnableNonSecurity", rule.enableNonSecurity());
        }
        json.set("ApprovedPatches", SsmJson.strings(baseline.approvedPatches()));
        SsmJson.put(json, "ApprovedPatchesComplianceLevel", baseline.approvedPatchesComplianceLevel());
        SsmJson.put(json, "ApprovedPatchesEnableNonSecurity", baseline.approvedPatchesEnableNonSecurity());
        json.set("RejectedPatches", SsmJson.strings(baseline.rejectedPatches()));
        SsmJson.put(json, "RejectedPatchesAction", baseline.rejectedPatchesAction());
        SsmJson.put(json, "CreatedDate", baseline.createdDate());
        SsmJson.put(json, "ModifiedDate", baseline.modifiedDate());
        SsmJson.put(json, "Description", baseline.description());
        ArrayNode sources = json.putArray("Sources");
        baseline.sources()
                .forEach(source -> sources.addObject()
                        .put("Name", source.name())
                        .put("Configuration", source.configuration())
                        .set("Products", SsmJson.strings(source.products())));
        return SsmJson.put(
                json, "AvailableSecurityUpdatesComplianceStatus", baseline.availableSecurityUpdatesComplianceStatus());
    }

    /** A PatchBaselineIdentity. */
    static ObjectNode identity(PatchBaseline baseline, boolean isDefault) {
        ObjectNode json = SsmJson.object()
                .put("BaselineId", baseline.baselineId())
                .put("BaselineName", baseline.name())
                .put("OperatingSystem", baseline.operatingSystem().name());
        SsmJson.put(json, "BaselineDescription", baseline.description());
        return json.put("DefaultBaseline", isDefault);
    }

    private static ObjectNode filterGroup(List<PatchFilter> filters) {
        ObjectNode group = SsmJson.object();
        ArrayNode list = group.putArray("PatchFilters");
        filters.forEach(
                filter -> list.addObject().put("Key", filter.key()).set("Values", SsmJson.strings(filter.values())));
        return group;
    }
}
