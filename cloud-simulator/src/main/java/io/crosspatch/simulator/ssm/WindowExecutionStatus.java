package io.crosspatch.simulator.ssm;

/** The status of one run of a maintenance window, as DescribeMaintenanceWindowExecutions reports it. */
public enum WindowExecutionStatus {
    PENDING,
    IN_PROGRESS,
    SUCCESS,
    FAILED,
    TIMED_OUT,
    CANCELLING,
    CANCELLED,
    SKIPPED_OVERLAPPING
}
