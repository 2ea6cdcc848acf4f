package io.crosspatch.patching.desiredstate.domain;

import java.util.List;
import java.util.SortedMap;

/**
 * A maintenance window with its one target (by tag) and its one {@code AWS-RunPatchBaseline} task.
 *
 * @param taskParameters the Run Command parameters, e.g. {@code Operation=[Install]}, {@code RebootOption=[RebootIfNeeded]}
 */
public record WindowSpec(
        String name,
        String schedule,
        Integer scheduleOffset,
        int durationHours,
        int cutoffHours,
        TargetSpec target,
        SortedMap<String, List<String>> taskParameters,
        String maxConcurrency,
        String maxErrors) {

    /** The name of the window's target and task, fixed so that a re-run finds them. */
    public static final String MEMBER_NAME = "crosspatch-patch-group";

    public static final String TASK_DOCUMENT = "AWS-RunPatchBaseline";
}
