package io.crosspatch.simulator.ssm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A task registered with a maintenance window, e.g. {@code AWS-RunPatchBaseline} with {@code Operation=[Install]}
 * and {@code RebootOption=[RebootIfNeeded]} on the window's {@code WindowTargetIds}.
 *
 * @param taskType   RUN_COMMAND, AUTOMATION, STEP_FUNCTIONS or LAMBDA
 * @param taskArn    the document name for RUN_COMMAND, e.g. {@code AWS-RunPatchBaseline}
 * @param parameters the Run Command document parameters (from TaskInvocationParameters.RunCommand.Parameters, or the
 *                   legacy TaskParameters)
 * @param priority   lower runs first; equal priorities run in parallel
 */
public record WindowTask(
        String windowTaskId,
        String windowId,
        String taskArn,
        String taskType,
        List<Target> targets,
        @Nullable String serviceRoleArn,
        int priority,
        @Nullable String maxConcurrency,
        @Nullable String maxErrors,
        @Nullable String name,
        @Nullable String description,
        Map<String, List<String>> parameters,
        @Nullable Integer timeoutSeconds,
        String cutoffBehavior) {

    public WindowTask {
        targets = List.copyOf(targets);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /** The first value of a document parameter, e.g. {@code parameter("Operation")} is {@code Install}. */
    public @Nullable String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
