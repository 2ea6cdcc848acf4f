package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsException;
import io.crosspatch.simulator.aws.AwsOperations;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * RegisterTargetWithMaintenanceWindow, DescribeMaintenanceWindowTargets, DeregisterTargetFromMaintenanceWindow.
 * INSTANCE targets are {@code InstanceIds}, {@code tag:<key>} or {@code tag-key}; RESOURCE_GROUP targets name a
 * resource group. At most 100 targets per window.
 */
final class WindowTargets {

    static final Pattern WINDOW_ENTITY_ID =
            Pattern.compile("^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}$");
    static final Pattern INSTANCE_ID = Pattern.compile("(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)");
    private static final List<String> RESOURCE_TYPES = List.of("INSTANCE", "RESOURCE_GROUP");
    private static final List<String> RESOURCE_GROUP_KEYS =
            List.of("resource-groups:Name", "resource-groups:ResourceTypeFilters");

    private final SsmState state;
    private final ClientTokens clientTokens;

    WindowTargets(SsmState state, ClientTokens clientTokens) {
        this.state = state;
        this.clientTokens = clientTokens;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "RegisterTargetWithMaintenanceWindow", this::registerTarget);
        operations.json("ssm", "DescribeMaintenanceWindowTargets", this::describe);
        operations.json("ssm", "DeregisterTargetFromMaintenanceWindow", this::deregister);
    }

    static AwsException missing(String windowTargetId) {
        return SsmErrors.doesNotExist("Maintenance window target " + windowTargetId + " does not exist");
    }

    private JsonNode registerTarget(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String resourceType = request.enumValue("ResourceType", RESOURCE_TYPES);
        if (resourceType == null) {
            throw SsmErrors.constraint(null, "resourceType", "Member must not be null");
        }
        List<Target> targets = request.targets("Targets");
        checkTargets(resourceType, targets);
        String ownerInformation = request.string("OwnerInformation", 1, 128, null);
        String name = request.string("Name", 3, 128, SsmRequest.RESOURCE_NAME);
        String description = request.string("Description", 1, 128, null);
        String clientToken = request.string("ClientToken", 1, 64, null);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            MaintenanceWindow window = MaintenanceWindows.existing(region, request);
            String id = clientTokens.earlierResult(call, clientToken).orElse(null);
            if (id == null) {
                if (region.windowTargets(window.windowId()).size() >= SsmRegionState.TARGETS_PER_WINDOW_QUOTA) {
                    throw SsmErrors.resourceLimitExceeded("Maintenance window " + window.windowId() + " already has "
                            + SsmRegionState.TARGETS_PER_WINDOW_QUOTA + " targets.");
                }
                id = Ids.uuid();
                region.putWindowTarget(new WindowTarget(
                        id, window.windowId(), resourceType, targets, ownerInformation, name, description));
                clientTokens.remember(call, clientToken, id);
            }
            return SsmJson.object().put("WindowTargetId", id);
        }
    }

    private static void checkTargets(String resourceType, List<Target> targets) {
        if (targets.isEmpty()) {
            throw SsmErrors.constraint(null, "targets", "Member must not be null");
        }
        for (Target target : targets) {
            boolean instanceKey = target.key().equalsIgnoreCase(Target.INSTANCE_IDS)
                    || target.key().equals(Target.TAG_KEY)
                    || (target.key().startsWith(Target.TAG_PREFIX)
                            && target.key().length() > Target.TAG_PREFIX.length());
            boolean valid = resourceType.equals("INSTANCE") ? instanceKey : RESOURCE_GROUP_KEYS.contains(target.key());
            if (!valid) {
                throw SsmErrors.validation(
                        "Target key " + target.key() + " isn't valid for resource type " + resourceType + ".");
            }
            if (target.values().isEmpty()) {
                throw SsmErrors.validation("Target " + target.key() + " has no values.");
            }
            if (target.key().equalsIgnoreCase(Target.INSTANCE_IDS)) {
                target.values().stream()
                        .filter(id -> !INSTANCE_ID.matcher(id).matches())
                        .findFirst()
                        .ifPresent(id -> {
                            throw SsmErrors.validation("Instance id " + id + " isn't valid.");
                        });
            }
        }
    }

    private JsonNode describe(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = state.region(call.accountId(), call.region());
        MaintenanceWindow window = MaintenanceWindows.existing(region, request);
        int maxResults = request.maxResults(10, 100, 50);
        Predicate<WindowTarget> filter = target -> true;
        for (SsmRequest item : request.objects("Filters", 5)) {
            String key = item.required("Key", 1, 128, null);
            List<String> values = item.strings("Values", 1000, 1, 256);
            filter = filter.and(
                    switch (key) {
                        case "WindowTargetId" -> target -> values.contains(target.windowTargetId());
                        case "Type" -> target -> values.contains(target.resourceType());
                        case "OwnerInformation" -> target -> values.contains(target.ownerInformation());
                        default ->
                            throw SsmErrors.validation(
                                    "The filter key " + key + " isn't valid for DescribeMaintenanceWindowTargets.");
                    });
        }
        Page<WindowTarget> page = Page.of(
                region.windowTargets(window.windowId()).stream().filter(filter).toList(),
                maxResults,
                request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("Targets");
        for (WindowTarget target : page.items()) {
            ObjectNode item = list.addObject()
                    .put("WindowId", target.windowId())
                    .put("WindowTargetId", target.windowTargetId())
                    .put("ResourceType", target.resourceType());
            item.set("Targets", SsmJson.targets(target.targets()));
            SsmJson.put(item, "OwnerInformation", target.ownerInformation());
            SsmJson.put(item, "Name", target.name());
            SsmJson.put(item, "Description", target.description());
        }
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    /** With {@code Safe}, a target that a task still uses is refused (TargetInUseException). */
    private JsonNode deregister(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String targetId = request.required("WindowTargetId", 36, 36, WINDOW_ENTITY_ID);
        boolean safe = Boolean.TRUE.equals(request.bool("Safe"));
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            MaintenanceWindow window = MaintenanceWindows.existing(region, request);
            if (region.windowTarget(targetId)
                    .filter(target -> target.windowId().equals(window.windowId()))
                    .isEmpty()) {
                throw missing(targetId);
            }
            boolean inUse = region.windowTasks(window.windowId()).stream()
                    .flatMap(task -> task.targets().stream())
                    .anyMatch(target -> target.key().equals(Target.WINDOW_TARGET_IDS)
                            && target.values().contains(targetId));
            if (safe && inUse) {
                throw SsmErrors.of("TargetInUseException", "Window target " + targetId + " is used by a task.");
            }
            region.removeWindowTarget(targetId);
            return SsmJson.object().put("WindowId", window.windowId()).put("WindowTargetId", targetId);
        }
    }
}
