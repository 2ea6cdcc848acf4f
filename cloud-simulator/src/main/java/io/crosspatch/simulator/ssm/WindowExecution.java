package io.crosspatch.simulator.ssm;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run of a maintenance window, recorded by whoever runs windows through
 * {@link SsmRegionState#recordExecution(WindowExecution)}.
 *
 * @param windowExecutionId a UUID
 * @param statusDetails     up to 250 characters, or null
 * @param endTime           null while the run is under way
 */
public record WindowExecution(
        String windowExecutionId,
        String windowId,
        WindowExecutionStatus status,
        @Nullable String statusDetails,
        Instant startTime,
        @Nullable Instant endTime) {}
