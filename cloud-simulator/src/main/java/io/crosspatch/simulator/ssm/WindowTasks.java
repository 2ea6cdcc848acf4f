package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Register/Update/Get/DeregisterTaskFromMaintenanceWindow and DescribeMaintenanceWindowTasks. A Run Command task
 * needs targets ({@code WindowTargetIds} of its window, or {@code InstanceIds}), MaxConcurrency and MaxErrors. At
 * most 20 tasks per window.
 */
final class WindowTasks {

    private static final List<String> TASK_TYPES = List.of("RUN_COMMAND", "AUTOMATION", "STEP_FUNCTIONS", "LAMBDA");
    private static final List<String> CUTOFF_BEHAVIORS = List.of("CONTINUE_TASK", "CANCEL_TASK");
    private static final int DEFAULT_PRIORITY = 1;

    private final SsmState state;
    private final ClientTokens clientTokens;

    WindowTasks(SsmState state, ClientTokens clientTokens) {
        this.state = state;
        this.clientTokens = clientTokens;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "RegisterTaskWithMaintenanceWindow", this::registerTask);
        operations.json("ssm", "UpdateMaintenanceWindowTask", this::update);
        operations.json("ssm", "GetMaintenanceWindowTask", this::get);
        operations.json("ssm", "DescribeMaintenanceWindowTasks", this::describe);
        operations.json("ssm", "DeregisterTaskFromMaintenanceWindow", this::deregister);
    }

    private JsonNode registerTask(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String clientToken = request.string("ClientToken", 1, 64, null);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            MaintenanceWindow window = MaintenanceWindows.existing(region, request);
            String taskType = request.enumValue("TaskType", TASK_TYPES);
            if (taskType == null) {
                throw SsmErrors.constraint(null, "taskType", "Member must not be null");
            }
            WindowTask task = definition(request, Ids.uuid(), window.windowId(), taskType, null);
            checkTargets(region, task);
            String id = clientTokens.earlierResult(call, clientToken).orElse(null);
            if (id == null) {
                if (region.windowTasks(window.windowId()).size() >= SsmRegionState.TASKS_PER_WINDOW_QUOTA) {
                    throw SsmErrors.resourceLimitExceeded("Maintenance window " + window.windowId() + " already has "
                            + SsmRegionState.TASKS_PER_WINDOW_QUOTA + " tasks.");
                }
                region.putWindowTask(task);
                clientTokens.remember(call, clientToken, task.windowTaskId());
                id = task.windowTaskId();
            }
            return SsmJson.object().put("WindowTaskId", id);
        }
    }

    private JsonNode update(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            WindowTask existing = existing(region, request);
            WindowTask base = Boolean.TRUE.equals(request.bool("Replace")) ? null : existing;
            WindowTask updated =
                    definition(request, existing.windowTaskId(), existing.windowId(), existing.taskType(), base);
            checkTargets(region, updated);
            region.putWindowTask(updated);
            return json(updated);
        }
    }

    private JsonNode get(AwsCall call) {
        return json(existing(state.region(call.accountId(), call.region()), SsmRequest.of(call)));
    }

    private JsonNode describe(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = state.region(call.accountId(), call.region());
        MaintenanceWindow window = MaintenanceWindows.existing(region, request);
        int maxResults = request.maxResults(10, 100, 50);
        Predicate<WindowTask> filter = task -> true;
        for (SsmRequest item : request.objects("Filters", 5)) {
            String key = item.required("Key", 1, 128, null);
            List<String> values = item.strings("Values", 1000, 1, 256);
            filter = filter.and(
                    switch (key) {
                        case "WindowTaskId" -> task -> values.contains(task.windowTaskId());
                        case "TaskArn" -> task -> values.contains(task.taskArn());
                        case "Priority" -> task -> values.contains(String.valueOf(task.priority()));
                        case "TaskType" -> task -> values.contains(task.taskType());
                        default ->
                            throw SsmErrors.validation(
                                    "The filter key " + key + " isn't valid for DescribeMaintenanceWindowTasks.");
                    });
        }
        Page<WindowTask> page = Page.of(
                region.windowTasks(window.windowId()).stream().filter(filter).toList(),
                maxResults,
                request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("Tasks");
        for (WindowTask task : page.items()) {
            ObjectNode item = list.addObject()
                    .put("WindowId", task.windowId())
                    .put("WindowTaskId", task.windowTaskId())
                    .put("TaskArn", task.taskArn())
                    .put("Type", task.taskType());
            item.set("Targets", SsmJson.targets(task.targets()));
            SsmJson.put(item, "Priority", task.priority());
            SsmJson.put(item, "ServiceRoleArn", task.serviceRoleArn());
            SsmJson.put(item, "MaxConcurrency", task.maxConcurrency());
            SsmJson.put(item, "MaxErrors", task.maxErrors());
            SsmJson.put(item, "Name", task.name());
            SsmJson.put(item, "Description", task.description());
            SsmJson.put(item, "CutoffBehavior", task.cutoffBehavior());
        }
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    private JsonNode deregister(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            WindowTask task = existing(region, request);
            region.removeWindowTask(task.windowTaskId());
            return SsmJson.object().put("WindowId", task.windowId()).put("WindowTaskId", task.windowTaskId());
        }
    }

    private static WindowTask existing(SsmRegionState region, SsmRequest request) {
        MaintenanceWindow window = MaintenanceWindows.existing(region, request);
        String taskId = request.required("WindowTaskId", 36, 36, WindowTargets.WINDOW_ENTITY_ID);
        return region.windowTask(taskId)
                .filter(task -> task.windowId().equals(window.windowId()))
                .orElseThrow(() -> SsmErrors.doesNotExist("Maintenance window task " + taskId + " does not exist"));
    }

    /**
     * The task the request defines. With a {@code base} (UpdateMaintenanceWindowTask without Replace) members the
     * request leaves out keep the base's values. The type is fixed at registration; updates keep it.
     */
    private static WindowTask definition(
            SsmRequest request, String taskId, String windowId, String taskType, @Nullable WindowTask base) {
        SsmRequest runCommand = runCommand(request);
        WindowTask invocationBase =
                base != null && !request.has("TaskInvocationParameters") && !request.has("TaskParameters")
                        ? base
                        : null;
        Integer priority = request.integer("Priority", 0, Integer.MAX_VALUE);
        String cutoffBehavior = request.enumValue("CutoffBehavior", CUTOFF_BEHAVIORS);
        WindowTask task = new WindowTask(
                taskId,
                windowId,
                base != null && !request.has("TaskArn") ? base.taskArn() : request.required("TaskArn", 1, 1600, null),
                taskType,
                base != null && !request.has("Targets") ? base.targets() : request.targets("Targets"),
                base != null && !request.has("ServiceRoleArn")
                        ? base.serviceRoleArn()
                        : request.string("ServiceRoleArn"),
                base != null && priority == null ? base.priority() : priority == null ? DEFAULT_PRIORITY : priority,
                base != null && !request.has("MaxConcurrency")
                        ? base.maxConcurrency()
                        : request.string("MaxConcurrency", 1, 7, SsmRequest.MAX_CONCURRENCY),
                base != null && !request.has("MaxErrors")
                        ? base.maxErrors()
                        : request.string("MaxErrors", 1, 7, SsmRequest.MAX_ERRORS),
                base != null && !request.has("Name")
                        ? base.name()
                        : request.string("Name", 3, 128, SsmRequest.RESOURCE_NAME),
                base != null && !request.has("Description")
                        ? base.description()
                        : request.string("Description", 1, 128, null),
                invocationBase != null ? invocationBase.parameters() : parameters(request, runCommand),
                invocationBase != null
                        ? invocationBase.timeoutSeconds()
                        : runCommand == null ? null : runCommand.integer("TimeoutSeconds", 30, 2_592_000),
                base != null && cutoffBehavior == null
                        ? base.cutoffBehavior()
                        : cutoffBehavior == null ? "CONTINUE_TASK" : cutoffBehavior);
        if (task.taskType().equals("RUN_COMMAND")) {
            if (task.targets().isEmpty()) {
                throw SsmErrors.validation("Targets are required for a RUN_COMMAND task.");
            }
            if (task.maxConcurrency() == null || task.maxErrors() == null) {
                throw SsmErrors.validation("MaxConcurrency and MaxErrors are required for a task with targets.");
            }
        }
        return task;
    }

    private static @Nullable SsmRequest runCommand(SsmRequest request) {
        SsmRequest invocation = request.object("TaskInvocationParameters");
        return invocation == null ? null : invocation.object("RunCommand");
    }

    /** The legacy {@code TaskParameters} ({@code {"Operation": {"Values": ["Install"]}}}) and RunCommand's, merged. */
    private static Map<String, List<String>> parameters(SsmRequest request, @Nullable SsmRequest runCommand) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        SsmRequest legacy = request.object("TaskParameters");
        if (legacy != null) {
            for (String name : legacy.memberNames()) {
                SsmRequest parameter = legacy.object(name);
                if (parameter == null) {
                    throw SsmErrors.constraint(null, legacy.path(name), "Member must not be null");
                }
                parameters.put(name, parameter.strings("Values", 1000, 0, 4096));
            }
        }
        if (runCommand != null) {
            parameters.putAll(runCommand.parameters("Parameters"));
        }
        return parameters;
    }

    /** {@code WindowTargetIds} must name targets of the task's window; {@code InstanceIds} must be instance ids. */
    private static void checkTargets(SsmRegionState region, WindowTask task) {
        for (Target target : task.targets()) {
            if (target.key().equals(Target.WINDOW_TARGET_IDS)) {
                for (String targetId : target.values()) {
                    if (region.windowTarget(targetId)
                            .filter(known -> known.windowId().equals(task.windowId()))
                            .isEmpty()) {
                        throw WindowTargets.missing(targetId);
                    }
                }
            } else if (target.key().equalsIgnoreCase(Target.INSTANCE_IDS)) {
                target.values().stream()
                        .filter(id -> !WindowTargets.INSTANCE_ID.matcher(id).matches())
                        .findFirst()
                        .ifPresent(id -> {
                            throw SsmErrors.validation("Instance id " + id + " isn't valid.");
                        });
            } else {
                throw SsmErrors.validation(
                        "Task targets are WindowTargetIds or InstanceIds, not " + target.key() + ".");
            }
        }
    }

    private static ObjectNode json(WindowTask task) {
        ObjectNode json = SsmJson.object().put("WindowId", task.windowId()).put("WindowTaskId", task.windowTaskId());
        json.set("Targets", SsmJson.targets(task.targets()));
        json.put("TaskArn", task.taskArn()).put("TaskType", task.taskType());
        SsmJson.put(json, "ServiceRoleArn", task.serviceRoleArn());
        if (task.taskType().equals("RUN_COMMAND")) {
            ObjectNode runCommand = json.putObject("TaskInvocationParameters").putObject("RunCommand");
            runCommand.set("Parameters", SsmJson.parameters(task.parameters()));
            SsmJson.put(runCommand, "TimeoutSeconds", task.timeoutSeconds());
        }
        SsmJson.put(json, "Priority", task.priority());
        SsmJson.put(json, "MaxConcurrency", task.maxConcurrency());
        SsmJson.put(json, "MaxErrors", task.maxErrors());
        SsmJson.put(json, "Name", task.name());
        SsmJson.put(json, "Description", task.description());
        return SsmJson.put(json, "CutoffBehavior", task.cutoffBehavior());
    }
}
