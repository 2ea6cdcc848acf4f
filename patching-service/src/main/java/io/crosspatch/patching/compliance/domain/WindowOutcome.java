package io.crosspatch.patching.compliance.domain;

import java.time.Instant;

/** The latest execution of one maintenance window: its status and when it ran. */
public record WindowOutcome(String windowName, String status, Instant start, Instant end) {

    public boolean failed() {
        return status != null && (status.equals("FAILED") || status.equals("TIMED_OUT") || status.equals("CANCELLED"));
    }

    /** Whether an operation that started at {@code operationStart} ran within this execution. */
    public boolean covers(Instant operationStart) {
        return start != null
                && operationStart != null
                && !operationStart.isBefore(start)
                && (end == null || !operationStart.isAfter(end));
    }
}
