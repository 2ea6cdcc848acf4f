package io.crosspatch.simulator.ssm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance window as the API defined it. Its targets, tasks and executions are kept beside it in
 * {@link SsmRegionState}. {@link #nextExecutionAfter(Instant)} says when it runs next, so the window runner and
 * GetMaintenanceWindow agree.
 *
 * @param schedule        {@code cron(…)}, {@code rate(…)} or {@code at(…)}
 * @param scheduleTimezone IANA zone the schedule is read in, null for UTC
 * @param scheduleOffset  days to wait after each cron occurrence (cron only), or null
 * @param startDate       when the window becomes active, or null (ISO-8601 as given)
 * @param endDate         when the window stops running, or null (ISO-8601 as given)
 * @param scheduledSince  when the current schedule took effect: cron occurrences before it don't count (so an
 *                        offset that lands in the future after a past occurrence waits for the next period, as the
 *                        user guide says), and a rate schedule counts from it (or from a later start date)
 */
public record MaintenanceWindow(
        String windowId,
        String name,
        @Nullable String description,
        String schedule,
        @Nullable String scheduleTimezone,
        @Nullable Integer scheduleOffset,
        int duration,
        int cutoff,
        boolean allowUnassociatedTargets,
        boolean enabled,
        @Nullable String startDate,
        @Nullable String endDate,
        Instant createdDate,
        Instant modifiedDate,
        Instant scheduledSince,
        Map<String, String> tags) {

    public MaintenanceWindow {
        tags = Tags.copyOf(tags);
    }

    /** The zone the schedule is read in. */
    public ZoneId zone() {
        return scheduleTimezone == null ? ZoneOffset.UTC : ZoneId.of(scheduleTimezone);
    }

    /**
     * The first time strictly after {@code after} that the window opens, in its zone; empty when the schedule has no
     * further occurrence (an {@code at(…)} that passed, an end date reached). Disabled windows still have one: the
     * runner checks {@link #enabled()} itself.
     */
    public Optional<ZonedDateTime> nextExecutionAfter(Instant after) {
        ZoneId zone = zone();
        Instant start = startDate == null ? scheduledSince : later(DateStrings.parse(startDate, zone), scheduledSince);
        Instant from = after.isBefore(start) ? start.minusNanos(1) : after;
        Optional<ZonedDateTime> next = Schedule.parse(schedule)
                .next(from.atZone(zone), start.atZone(zone), scheduleOffset == null ? 0 : scheduleOffset);
        if (endDate == null) {
            return next;
        }
        Instant end = DateStrings.parse(endDate, zone);
        return next.filter(time -> !time.toInstant().isAfter(end));
    }

    MaintenanceWindow withTags(Map<String, String> newTags) {
        return new MaintenanceWindow(
                windowId,
                name,
                description,
                schedule,
                scheduleTimezone,
                scheduleOffset,
                duration,
                cutoff,
                allowUnassociatedTargets,
                enabled,
                startDate,
                endDate,
                createdDate,
                modifiedDate,
                scheduledSince,
                newTags);
    }

    MaintenanceWindow withScheduledSince(Instant since) {
        return new MaintenanceWindow(
                windowId,
                name,
                description,
                schedule,
                scheduleTimezone,
                scheduleOffset,
                duration,
                cutoff,
                allowUnassociatedTargets,
                enabled,
                startDate,
                endDate,
                createdDate,
                modifiedDate,
                since,
                tags);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
