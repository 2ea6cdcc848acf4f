package io.crosspatch.simulator.ssm;

import java.time.Instant;

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
        String statusDetails,
        Instant startTime,
        Instant endTime) {}
