package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Create/Update/Get/Describe/DeleteMaintenanceWindow and DescribeMaintenanceWindowExecutions. The schedule is
 * checked as SSM checks it (cron, rate or at; an offset only with cron; the cutoff shorter than the duration; a valid
 * IANA zone) and GetMaintenanceWindow's NextExecutionTime comes from it on the simulated clock. At most 50 windows
 * per account and region.
 */
final class MaintenanceWindows {

    static final Pattern WINDOW_ID = Pattern.compile("^mw-[0-9a-f]{17}$");
    private static final DateTimeFormatter NEXT_EXECUTION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

    private final SsmState state;
    private final Clock clock;
    private final ClientTokens clientTokens;

    MaintenanceWindows(SsmState state, Clock clock, ClientTokens clientTokens) {
        this.state = state;
        this.clock = clock;
        this.clientTokens = clientTokens;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "CreateMaintenanceWindow", this::create);
        operations.json("ssm", "UpdateMaintenanceWindow", this::update);
        operations.json("ssm", "GetMaintenanceWindow", this::get);
        operations.json("ssm", "DescribeMaintenanceWindows", this::describe);
        operations.json("ssm", "DeleteMaintenanceWindow", this::delete);
        operations.json("ssm", "DescribeMaintenanceWindowExecutions", this::describeExecutions);
    }

    /** The window of the request's WindowId, or DoesNotExistException. */
    static MaintenanceWindow existing(SsmRegionState region, SsmRequest request) {
        String windowId = request.required("WindowId", 20, 20, WINDOW_ID);
        return region.window(windowId)
                .orElseThrow(() -> SsmErrors.doesNotExist("Maintenance window " + windowId + " does not exist"));
    }

    private JsonNode create(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        Instant now = clock.instant();
        MaintenanceWindow window = definition(request, Ids.hex17("mw-"), null, now, now, request.tags("Tags"));
        check(window, now, true);
        String clientToken = request.string("ClientToken", 1, 64, null);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            String id = clientTokens.earlierResult(call, clientToken).orElse(null);
            if (id == null) {
                if (region.windows().size() >= SsmRegionState.WINDOW_QUOTA) {
                    throw SsmErrors.resourceLimitExceeded("Maximum number of maintenance windows ("
                            + SsmRegionState.WINDOW_QUOTA + ") reached for this account and region.");
                }
                region.putWindow(window);
                clientTokens.remember(call, clientToken, window.windowId());
                id = window.windowId();
            }
            return SsmJson.object().put("WindowId", id);
        }
    }

    private JsonNode update(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            MaintenanceWindow existing = existing(region, request);
            MaintenanceWindow base = Boolean.TRUE.equals(request.bool("Replace")) ? null : existing;
            Instant now = clock.instant();
            MaintenanceWindow updated =
                    definition(request, existing.windowId(), base, existing.createdDate(), now, existing.tags());
            check(updated, now, request.has("EndDate"));
            boolean rescheduled = !Objects.equals(updated.schedule(), existing.schedule())
                    || !Objects.equals(updated.scheduleOffset(), existing.scheduleOffset())
                    || !Objects.equals(updated.scheduleTimezone(), existing.scheduleTimezone())
                    || !Objects.equals(updated.startDate(), existing.startDate());
            MaintenanceWindow stored = rescheduled ? updated : updated.withScheduledSince(existing.scheduledSince());
            region.putWindow(stored);
            return SsmJson.put(json(stored), "AllowUnassociatedTargets", stored.allowUnassociatedTargets());
        }
    }

    private JsonNode get(AwsCall call) {
        MaintenanceWindow window = existing(state.region(call.accountId(), call.region()), SsmRequest.of(call));
        ObjectNode json = json(window);
        SsmJson.put(json, "NextExecutionTime", nextExecutionTime(window));
        SsmJson.put(json, "AllowUnassociatedTargets", window.allowUnassociatedTargets());
        SsmJson.put(json, "CreatedDate", window.createdDate());
        return SsmJson.put(json, "ModifiedDate", window.modifiedDate());
    }

    private JsonNode describe(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        int maxResults = request.maxResults(10, 100, 50);
        Predicate<MaintenanceWindow> filter = window -> true;
        for (SsmRequest item : request.objects("Filters", 5)) {
            String key = item.required("Key", 1, 128, null);
            List<String> values = item.strings("Values", 1000, 1, 256);
            filter = filter.and(
                    switch (key) {
                        case "Name" -> window -> values.contains(window.name());
                        case "Enabled" ->
                            window -> values.stream()
                                    .map(value -> value.toLowerCase(Locale.ROOT))
                                    .anyMatch(String.valueOf(window.enabled())::equals);
                        default ->
                            throw SsmErrors.validation(
                                    "The filter key " + key + " isn't valid for DescribeMaintenanceWindows.");
                    });
        }
        List<MaintenanceWindow> matching = state.region(call.accountId(), call.region()).windows().stream()
                .filter(filter)
                .toList();
        Page<MaintenanceWindow> page = Page.of(matching, maxResults, request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("WindowIdentities");
        page.items()
                .forEach(window -> list.add(SsmJson.put(json(window), "NextExecutionTime", nextExecutionTime(window))));
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    /** Deleting a window that does not exist succeeds, as AWS's delete does. */
    private JsonNode delete(AwsCall call) {
        String windowId = SsmRequest.of(call).required("WindowId", 20, 20, WINDOW_ID);
        state.region(call.accountId(), call.region()).removeWindow(windowId);
        return SsmJson.object().put("WindowId", windowId);
    }

    private JsonNode describeExecutions(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String windowId = request.required("WindowId", 20, 20, WINDOW_ID);
        int maxResults = request.maxResults(10, 100, 50);
        Predicate<WindowExecution> filter = execution -> true;
        for (SsmRequest item : request.objects("Filters", 5)) {
            String key = item.required("Key", 1, 128, null);
            List<Instant> times = item.strings("Values", 1000, 1, 256).stream()
                    .map(MaintenanceWindows::instant)
                    .toList();
            filter = filter.and(
                    switch (key) {
                        case "ExecutedBefore" -> execution -> times.stream().allMatch(execution.startTime()::isBefore);
                        case "ExecutedAfter" -> execution -> times.stream().allMatch(execution.startTime()::isAfter);
                        default ->
                            throw SsmErrors.validation(
                                    "The filter key " + key + " isn't valid for DescribeMaintenanceWindowExecutions.");
                    });
        }
        List<WindowExecution> matching =
                state.region(call.accountId(), call.region()).windowExecutions(windowId).stream()
                        .filter(filter)
                        .toList();
        Page<WindowExecution> page = Page.of(matching, maxResults, request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("WindowExecutions");
        for (WindowExecution execution : page.items()) {
            ObjectNode item = list.addObject()
                    .put("WindowId", execution.windowId())
                    .put("WindowExecutionId", execution.windowExecutionId())
                    .put("Status", execution.status().name());
            SsmJson.put(item, "StatusDetails", execution.statusDetails());
            SsmJson.put(item, "StartTime", execution.startTime());
            SsmJson.put(item, "EndTime", execution.endTime());
        }
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    /**
     * The window the request defines. With a {@code base} (UpdateMaintenanceWindow without Replace) members the
     * request leaves out keep the base's values.
     */
    private static MaintenanceWindow definition(
            SsmRequest request,
            String windowId,
            @Nullable MaintenanceWindow base,
            Instant created,
            Instant now,
            Map<String, String> tags) {
        return new MaintenanceWindow(
                windowId,
                base != null && !request.has("Name")
                        ? base.name()
                        : request.required("Name", 3, 128, SsmRequest.RESOURCE_NAME),
                base != null && !request.has("Description")
                        ? base.description()
                        : request.string("Description", 1, 128, null),
                base != null && !request.has("Schedule") ? base.schedule() : request.required("Schedule", 1, 256, null),
                base != null && !request.has("ScheduleTimezone")
                        ? base.scheduleTimezone()
                        : request.string("ScheduleTimezone"),
                base != null && !request.has("ScheduleOffset")
                        ? base.scheduleOffset()
                        : request.integer("ScheduleOffset", 1, 6),
                base != null && !request.has("Duration") ? base.duration() : request.requiredInteger("Duration", 1, 24),
                base != null && !request.has("Cutoff") ? base.cutoff() : request.requiredInteger("Cutoff", 0, 23),
                base != null && !request.has("AllowUnassociatedTargets")
                        ? base.allowUnassociatedTargets()
                        : request.requiredBool("AllowUnassociatedTargets"),
                base != null && !request.has("Enabled")
                        ? base.enabled()
                        : !Boolean.FALSE.equals(request.bool("Enabled")),
                base != null && !request.has("StartDate") ? base.startDate() : request.string("StartDate"),
                base != null && !request.has("EndDate") ? base.endDate() : request.string("EndDate"),
                created,
                now,
                now,
                tags);
    }

    private static void check(MaintenanceWindow window, Instant now, boolean endDateGiven) {
        ZoneId zone;
        try {
            zone = window.zone();
        } catch (DateTimeException e) {
            throw SsmErrors.validation(
                    "ScheduleTimezone " + window.scheduleTimezone() + " isn't a valid IANA time zone.");
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(window.schedule());
        } catch (IllegalArgumentException e) {
            throw SsmErrors.validation("Invalid schedule expression " + window.schedule() + ": " + e.getMessage());
        }
        if (window.scheduleOffset() != null && !schedule.isCron()) {
            throw SsmErrors.validation("ScheduleOffset is supported with cron expressions only.");
        }
        if (window.cutoff() >= window.duration()) {
            throw SsmErrors.validation(
                    "The Cutoff (" + window.cutoff() + ") must be less than the Duration (" + window.duration() + ").");
        }
        Instant start = window.startDate() == null ? null : date("StartDate", window.startDate(), zone);
        Instant end = window.endDate() == null ? null : date("EndDate", window.endDate(), zone);
        if (end != null && endDateGiven && !end.isAfter(now)) {
            throw SsmErrors.validation("EndDate must be in the future.");
        }
        if (end != null && start != null && !end.isAfter(start)) {
            throw SsmErrors.validation("EndDate must be later than StartDate.");
        }
    }

    private static Instant date(String member, String value, ZoneId zone) {
        try {
            return DateStrings.parse(value, zone);
        } catch (DateTimeException e) {
            throw SsmErrors.validation(member + " " + value + " isn't an ISO-8601 date and time.");
        }
    }

    private static Instant instant(String value) {
        try {
            return DateStrings.parse(value, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw SsmErrors.validation(value + " isn't an ISO-8601 date and time.");
        }
    }

    private @Nullable String nextExecutionTime(MaintenanceWindow window) {
        if (!window.enabled()) {
            return null;
        }
        return window.nextExecutionAfter(clock.instant())
                .map(NEXT_EXECUTION::format)
                .orElse(null);
    }

    private static ObjectNode json(MaintenanceWindow window) {
        ObjectNode json = SsmJson.object().put("WindowId", window.windowId()).put("Name", window.name());
        SsmJson.put(json, "Description", window.description());
        SsmJson.put(json, "StartDate", window.startDate());
        SsmJson.put(json, "EndDate", window.endDate());
        SsmJson.put(json, "Schedule", window.schedule());
        SsmJson.put(json, "ScheduleTimezone", window.scheduleTimezone());
        SsmJson.put(json, "ScheduleOffset", window.scheduleOffset());
        SsmJson.put(json, "Duration", window.duration());
        SsmJson.put(json, "Cutoff", window.cutoff());
        return SsmJson.put(json, "Enabled", window.enabled());
    }
}
