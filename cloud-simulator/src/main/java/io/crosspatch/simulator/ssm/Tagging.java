package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsException;
import io.crosspatch.simulator.aws.AwsOperations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AddTagsToResource, RemoveTagsFromResource and ListTagsForResource for the simulated resource types: managed
 * nodes, custom patch baselines, maintenance windows and associations. Other types hold no resources here, so any id
 * of theirs is an InvalidResourceId.
 */
final class Tagging {

    private static final List<String> RESOURCE_TYPES = List.of(
            "Document",
            "ManagedInstance",
            "MaintenanceWindow",
            "Parameter",
            "PatchBaseline",
            "OpsItem",
            "OpsMetadata",
            "Automation",
            "Association");

    private final SsmState state;

    Tagging(SsmState state) {
        this.state = state;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "AddTagsToResource", this::add);
        operations.json("ssm", "RemoveTagsFromResource", this::remove);
        operations.json("ssm", "ListTagsForResource", this::list);
    }

    private JsonNode add(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String type = resourceType(request);
        String id = request.required("ResourceId", 1, 1024, null);
        if (!request.has("Tags")) {
            throw SsmErrors.constraint(null, "tags", "Member must not be null");
        }
        Map<String, String> added = request.tags("Tags");
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            Map<String, String> tags = new LinkedHashMap<>(tags(region, type, id));
            tags.putAll(added);
            if (tags.size() > Tags.MAX_PER_RESOURCE) {
                throw SsmErrors.of(
                        "TooManyTagsError", "A resource can have at most " + Tags.MAX_PER_RESOURCE + " tags.");
            }
            setTags(region, type, id, tags);
        }
        return SsmJson.object();
    }

    private JsonNode remove(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String type = resourceType(request);
        String id = request.required("ResourceId", 1, 1024, null);
        if (!request.has("TagKeys")) {
            throw SsmErrors.constraint(null, "tagKeys", "Member must not be null");
        }
        List<String> keys = request.strings("TagKeys", 1000, 1, 128);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            Map<String, String> tags = new LinkedHashMap<>(tags(region, type, id));
            keys.forEach(tags::remove);
            setTags(region, type, id, tags);
        }
        return SsmJson.object();
    }

    private JsonNode list(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String type = resourceType(request);
        String id = request.required("ResourceId", 1, 1024, null);
        Map<String, String> tags = tags(state.region(call.accountId(), call.region()), type, id);
        return SsmJson.object().set("TagList", SsmJson.tags(tags));
    }

    private static String resourceType(SsmRequest request) {
        String type = request.enumValue("ResourceType", RESOURCE_TYPES);
        if (type == null) {
            throw SsmErrors.constraint(null, "resourceType", "Member must not be null");
        }
        return type;
    }

    private static Map<String, String> tags(SsmRegionState region, String type, String id) {
        return switch (type) {
            case "ManagedInstance" -> region.node(id).map(ManagedNode::tags).orElseThrow(() -> unknown(id));
            case "PatchBaseline" ->
                region.baseline(id)
                        .filter(baseline -> !baseline.awsOwned())
                        .map(PatchBaseline::tags)
                        .orElseThrow(() -> unknown(id));
            case "MaintenanceWindow" ->
                region.window(id).map(MaintenanceWindow::tags).orElseThrow(() -> unknown(id));
            case "Association" -> region.association(id).map(Association::tags).orElseThrow(() -> unknown(id));
            default -> throw unknown(id);
        };
    }

    private static void setTags(SsmRegionState region, String type, String id, Map<String, String> tags) {
        switch (type) {
            case "ManagedInstance" ->
                region.putNode(region.node(id).orElseThrow().withTags(tags));
            case "PatchBaseline" ->
                region.putBaseline(region.baseline(id).orElseThrow().withTags(tags));
            case "MaintenanceWindow" ->
                region.putWindow(region.window(id).orElseThrow().withTags(tags));
            case "Association" ->
                region.putAssociation(region.association(id).orElseThrow().withTags(tags));
            default -> throw unknown(id);
        }
    }

    private static AwsException unknown(String id) {
        return SsmErrors.invalidResourceId("The resource ID " + id + " isn't valid.");
    }
}
