package io.crosspatch.patching.desiredstate.domain;

import java.util.Objects;

/**
 * A patch group: its name, the release age its baselines approve patches at (for OSes that support it), and when
 * its Install window opens (a cron, optionally with a ScheduleOffset in days).
 */
public record PatchGroupPolicy(String name, int delayDays, String installSchedule, Integer scheduleOffset) {

    public PatchGroupPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(installSchedule, "installSchedule");
        if (delayDays < 0 || delayDays > 360) {
            throw new IllegalArgumentException("delayDays must be 0-360");
        }
    }

    /** The same timing under another name: how a custom group inherits its template's. */
    public PatchGroupPolicy named(String otherName) {
        return new PatchGroupPolicy(otherName, delayDays, installSchedule, scheduleOffset);
    }
}
