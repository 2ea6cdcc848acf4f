package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsException;
import io.crosspatch.simulator.aws.AwsOperations;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * State Manager associations: Create/Describe/Update/DeleteAssociation and ListAssociations, e.g.
 * {@code AWS-GatherSoftwareInventory} on {@code InstanceIds=*}. The document must be one of {@link SsmDocuments}
 * and the parameters its own; schedules are cron, at, or a rate of at least 30 minutes.
 */
final class Associations {

    private static final Pattern DOCUMENT_NAME = Pattern.compile("^[a-zA-Z0-9_\\-.:/]{3,128}$");
    private static final Pattern ASSOCIATION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOCUMENT_VERSION = Pattern.compile("([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)");
    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNSPECIFIED");
    private static final List<String> SYNC_COMPLIANCE = List.of("AUTO", "MANUAL");
    private static final List<String> FILTER_KEYS = List.of(
            "InstanceId",
            "Name",
            "AssociationId",
            "AssociationStatusName",
            "LastExecutedBefore",
            "LastExecutedAfter",
            "AssociationName",
            "ResourceGroupName");
    private static final Duration MIN_RATE = Duration.ofMinutes(30);
    private static final String PENDING = "Pending";

    private final SsmState state;
    private final Clock clock;

    Associations(SsmState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "CreateAssociation", this::create);
        operations.json("ssm", "DescribeAssociation", this::describe);
        operations.json("ssm", "UpdateAssociation", this::update);
        operations.json("ssm", "DeleteAssociation", this::delete);
        operations.json("ssm", "ListAssociations", this::list);
    }

    private JsonNode create(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        Instant now = clock.instant();
        String instanceId = request.string("InstanceId", WindowTargets.INSTANCE_ID);
        Association association = definition(request, Ids.uuid(), null, instanceId, 1, now, now, request.tags("Tags"));
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            if (instanceId != null) {
                if (region.node(instanceId).isEmpty()) {
                    throw SsmErrors.invalidInstanceId("Instance id " + instanceId + " is not registered.");
                }
                boolean duplicate = region.associations().stream()
                        .anyMatch(existing -> instanceId.equals(existing.instanceId())
                                && existing.name().equals(association.name()));
                if (duplicate) {
                    throw SsmErrors.of("AssociationAlreadyExists", "The association already exists.");
                }
            }
            if (region.associations().size() >= SsmRegionState.ASSOCIATION_QUOTA) {
                throw SsmErrors.of(
                        "AssociationLimitExceeded",
                        "You can have at most " + SsmRegionState.ASSOCIATION_QUOTA + " active associations.");
            }
            region.putAssociation(association);
        }
        return SsmJson.object().set("AssociationDescription", description(association));
    }

    private JsonNode describe(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        return SsmJson.object()
                .set(
                        "AssociationDescription",
                        description(existing(state.region(call.accountId(), call.region()), request)));
    }

    private JsonNode update(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            Association existing = existing(region, request);
            Association updated = definition(
                    request,
                    existing.associationId(),
                    existing,
                    existing.instanceId(),
                    existing.associationVersion() + 1,
                    existing.date(),
                    clock.instant(),
                    existing.tags());
            region.putAssociation(updated);
            return SsmJson.object().set("AssociationDescription", description(updated));
        }
    }

    private JsonNode delete(AwsCall call) {
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            region.removeAssociation(existing(region, SsmRequest.of(call)).associationId());
        }
        return SsmJson.object();
    }

    private JsonNode list(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        int maxResults = request.maxResults(1, 50, 50);
        SsmRegionState region = state.region(call.accountId(), call.region());
        Predicate<Association> filter = association -> true;
        for (SsmRequest item : request.objects("AssociationFilterList", 1000)) {
            String key = item.enumValue("key", FILTER_KEYS);
            String value = item.required("value", 1, Integer.MAX_VALUE, null);
            if (key == null) {
                throw SsmErrors.constraint(null, item.path("key"), "Member must not be null");
            }
            filter = filter.and(condition(region, key, value));
        }
        Page<Association> page =
                Page.of(region.associations().stream().filter(filter).toList(), maxResults, request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("Associations");
        for (Association association : page.items()) {
            ObjectNode item = list.addObject().put("Name", association.name());
            SsmJson.put(item, "InstanceId", association.instanceId());
            item.put("AssociationId", association.associationId())
                    .put("AssociationVersion", String.valueOf(association.associationVersion()))
                    .put("DocumentVersion", association.documentVersion());
            item.set("Targets", SsmJson.targets(association.targets()));
            SsmJson.put(item, "LastExecutionDate", association.lastExecutionDate());
            item.set("Overview", overview(association));
            SsmJson.put(item, "ScheduleExpression", association.scheduleExpression());
            SsmJson.put(item, "AssociationName", association.associationName());
            SsmJson.put(item, "ScheduleOffset", association.scheduleOffset());
        }
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    private static Predicate<Association> condition(SsmRegionState region, String key, String value) {
        return switch (key) {
            case "InstanceId" ->
                association -> value.equals(association.instanceId())
                        || region.node(value).map(association::targets).orElse(false);
            case "Name" -> association -> association.name().equals(value);
            case "AssociationId" -> association -> association.associationId().equals(value);
            case "AssociationStatusName" ->
                association -> association.overviewStatus().equals(value);
            case "AssociationName" -> association -> value.equals(association.associationName());
            case "LastExecutedBefore" ->
                association -> association.lastExecutionDate() != null
                        && association.lastExecutionDate().isBefore(instant(value));
            case "LastExecutedAfter" ->
                association -> association.lastExecutionDate() != null
                        && association.lastExecutionDate().isAfter(instant(value));
            default ->
                association -> association.targets().stream()
                        .anyMatch(target -> target.key().equals("resource-groups:Name")
                                && target.values().contains(value));
        };
    }

    /** By AssociationId, or by document Name and InstanceId (the legacy form). */
    private static Association existing(SsmRegionState region, SsmRequest request) {
        String associationId = request.string("AssociationId", ASSOCIATION_ID);
        String name = request.string("Name", DOCUMENT_NAME);
        String instanceId = request.string("InstanceId", WindowTargets.INSTANCE_ID);
        Optional<Association> found = associationId != null
                ? region.association(associationId)
                : region.associations().stream()
                        .filter(association -> association.name().equals(name)
                                && association.instanceId() != null
                                && association.instanceId().equals(instanceId))
                        .findFirst();
        return found.orElseThrow(() -> SsmErrors.of("AssociationDoesNotExist", "The association does not exist."));
    }

    /**
     * The association the request defines. With a {@code base} (UpdateAssociation) members the request leaves out
     * keep the base's values.
     */
    private static Association definition(
            SsmRequest request,
            String associationId,
            @Nullable Association base,
            @Nullable String instanceId,
            int version,
            Instant created,
            Instant now,
            Map<String, String> tags) {
        String document = base != null && !request.has("Name") ? base.name() : document(request);
        List<Target> targets = base != null && !request.has("Targets") ? base.targets() : request.targets("Targets");
        if ((instanceId == null) == targets.isEmpty()) {
            throw SsmErrors.validation("Specify either InstanceId or Targets.");
        }
        checkTargets(targets);
        Map<String, List<String>> parameters =
                base != null && !request.has("Parameters") ? base.parameters() : request.parameters("Parameters");
        SsmDocuments.problem(document, parameters).ifPresent(problem -> {
            throw SsmErrors.of("InvalidParameters", problem);
        });
        String schedule = base != null && !request.has("ScheduleExpression")
                ? base.scheduleExpression()
                : request.string("ScheduleExpression", 1, 256, null);
        Integer offset = base != null && !request.has("ScheduleOffset")
                ? base.scheduleOffset()
                : request.integer("ScheduleOffset", 1, 6);
        checkSchedule(schedule, offset);
        return new Association(
                associationId,
                document,
                base != null && !request.has("AssociationName")
                        ? base.associationName()
                        : request.string("AssociationName", SsmRequest.RESOURCE_NAME),
                base != null && !request.has("DocumentVersion")
                        ? base.documentVersion()
                        : orDefault(request.string("DocumentVersion", DOCUMENT_VERSION), "$DEFAULT"),
                instanceId,
                targets,
                parameters,
                schedule,
                offset,
                base != null && !request.has("MaxConcurrency")
                        ? base.maxConcurrency()
                        : request.string("MaxConcurrency", 1, 7, SsmRequest.MAX_CONCURRENCY),
                base != null && !request.has("MaxErrors")
                        ? base.maxErrors()
                        : request.string("MaxErrors", 1, 7, SsmRequest.MAX_ERRORS),
                base != null && !request.has("ComplianceSeverity")
                        ? base.complianceSeverity()
                        : request.enumValue("ComplianceSeverity", SEVERITIES),
                base != null && !request.has("SyncCompliance")
                        ? base.syncCompliance()
                        : orDefault(request.enumValue("SyncCompliance", SYNC_COMPLIANCE), "AUTO"),
                base != null && !request.has("ApplyOnlyAtCronInterval")
                        ? base.applyOnlyAtCronInterval()
                        : Boolean.TRUE.equals(request.bool("ApplyOnlyAtCronInterval")),
                version,
                created,
                now,
                base != null ? base.overviewStatus() : PENDING,
                base != null ? base.detailedStatus() : "Creating",
                base != null ? base.lastExecutionDate() : null,
                tags);
    }

    private static String document(SsmRequest request) {
        String name = request.required("Name", 3, 128, DOCUMENT_NAME);
        return SsmDocuments.find(name)
                .orElseThrow(() -> SsmErrors.of("InvalidDocument", "Document " + name + " does not exist."));
    }

    private static void checkTargets(List<Target> targets) {
        for (Target target : targets) {
            boolean known = target.key().equalsIgnoreCase(Target.INSTANCE_IDS)
                    || target.key().equals(Target.TAG_KEY)
                    || target.key().startsWith(Target.TAG_PREFIX)
                    || target.key().equals("resource-groups:Name")
                    || target.key().equals("ResourceGroup");
            if (!known || target.values().isEmpty()) {
                throw SsmErrors.of("InvalidTarget", "Target " + target.key() + "=" + target.values() + " isn't valid.");
            }
        }
    }

    private static void checkSchedule(@Nullable String expression, @Nullable Integer offset) {
        if (expression == null) {
            if (offset != null) {
                throw SsmErrors.validation("ScheduleOffset is supported with cron expressions only.");
            }
            return;
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(expression);
        } catch (IllegalArgumentException e) {
            throw invalidSchedule(expression, String.valueOf(e.getMessage()));
        }
        if (schedule.rate().filter(rate -> rate.compareTo(MIN_RATE) < 0).isPresent()) {
            throw invalidSchedule(expression, "the shortest rate is 30 minutes");
        }
        if (offset != null && !schedule.isCron()) {
            throw SsmErrors.validation("ScheduleOffset is supported with cron expressions only.");
        }
    }

    private static AwsException invalidSchedule(String expression, String reason) {
        return SsmErrors.of("InvalidSchedule", "Schedule expression " + expression + " isn't valid: " + reason);
    }

    private static ObjectNode description(Association association) {
        ObjectNode json = SsmJson.object().put("Name", association.name());
        SsmJson.put(json, "InstanceId", association.instanceId());
        json.put("AssociationVersion", String.valueOf(association.associationVersion()));
        SsmJson.put(json, "Date", association.date());
        SsmJson.put(json, "LastUpdateAssociationDate", association.lastUpdateAssociationDate());
        if (association.instanceId() != null) {
            ObjectNode status = json.putObject("Status")
                    .put("Name", association.overviewStatus())
                    .put("Message", "Associated with " + association.name());
            SsmJson.put(status, "Date", association.lastUpdateAssociationDate());
        }
        json.set("Overview", overview(association));
        json.put("DocumentVersion", association.documentVersion());
        json.set("Parameters", SsmJson.parameters(association.parameters()));
        json.put("AssociationId", association.associationId());
        json.set("Targets", SsmJson.targets(association.targets()));
        SsmJson.put(json, "ScheduleExpression", association.scheduleExpression());
        SsmJson.put(json, "LastExecutionDate", association.lastExecutionDate());
        SsmJson.put(json, "AssociationName", association.associationName());
        SsmJson.put(json, "MaxErrors", association.maxErrors());
        SsmJson.put(json, "MaxConcurrency", association.maxConcurrency());
        SsmJson.put(json, "ComplianceSeverity", association.complianceSeverity());
        SsmJson.put(json, "SyncCompliance", association.syncCompliance());
        SsmJson.put(json, "ApplyOnlyAtCronInterval", association.applyOnlyAtCronInterval());
        return SsmJson.put(json, "ScheduleOffset", association.scheduleOffset());
    }

    private static ObjectNode overview(Association association) {
        ObjectNode overview = SsmJson.object().put("Status", association.overviewStatus());
        SsmJson.put(overview, "DetailedStatus", association.detailedStatus());
        overview.putObject("AssociationStatusAggregatedCount");
        return overview;
    }

    private static Instant instant(String value) {
        try {
            return DateStrings.parse(value, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw SsmErrors.validation(value + " isn't an ISO-8601 date and time.");
        }
    }

    private static String orDefault(@Nullable String value, String defaultValue) {
        return value == null ? defaultValue : value;
    }
}
