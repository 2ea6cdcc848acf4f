package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsException;
import io.crosspatch.simulator.aws.AwsOperations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Patch baselines: Create/Update/Get/Describe/DeletePatchBaseline, GetDefaultPatchBaseline and
 * RegisterDefaultPatchBaseline. A baseline's rules are checked against its operating system: the filter keys that
 * OS has, and — per the API reference — no ApproveAfterDays or ApproveUntilDate for Ubuntu or Debian, exactly one of
 * them for every other OS. At most 50 custom baselines per account and region.
 */
final class Baselines {

    static final Pattern BASELINE_ID = Pattern.compile("^[a-zA-Z0-9_\\-:/]{20,128}$");
    static final List<String> OPERATING_SYSTEMS =
            Arrays.stream(OperatingSystem.values()).map(Enum::name).toList();
    private static final List<String> FILTER_KEYS = List.of(
            "ARCH",
            "ADVISORY_ID",
            "BUGZILLA_ID",
            "PATCH_SET",
            "PRODUCT",
            "PRODUCT_FAMILY",
            "CLASSIFICATION",
            "CVE_ID",
            "EPOCH",
            "MSRC_SEVERITY",
            "NAME",
            "PATCH_ID",
            "SECTION",
            "PRIORITY",
            "REPOSITORY",
            "RELEASE",
            "SEVERITY",
            "SECURITY",
            "VERSION");
    private static final List<String> COMPLIANCE_LEVELS =
            List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED");
    private static final List<String> PATCH_ACTIONS = List.of("ALLOW_AS_DEPENDENCY", "BLOCK");
    private static final List<String> COMPLIANCE_STATUSES = List.of("COMPLIANT", "NON_COMPLIANT");
    private static final Pattern SOURCE_NAME = Pattern.compile("^[a-zA-Z0-9_\\-.]{3,50}$");

    private final SsmState state;
    private final Clock clock;
    private final ClientTokens clientTokens;

    Baselines(SsmState state, Clock clock, ClientTokens clientTokens) {
        this.state = state;
        this.clock = clock;
        this.clientTokens = clientTokens;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "CreatePatchBaseline", this::create);
        operations.json("ssm", "UpdatePatchBaseline", this::update);
        operations.json("ssm", "GetPatchBaseline", this::get);
        operations.json("ssm", "DescribePatchBaselines", this::describe);
        operations.json("ssm", "DeletePatchBaseline", this::delete);
        operations.json("ssm", "GetDefaultPatchBaseline", this::getDefault);
        operations.json("ssm", "RegisterDefaultPatchBaseline", this::registerDefault);
    }

    private JsonNode create(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        OperatingSystem os = operatingSystem(request);
        String clientToken = request.string("ClientToken", 1, 64, null);
        Instant now = clock.instant();
        PatchBaseline baseline = definition(request, Ids.hex17("pb-"), os, null, now, now, request.tags("Tags"));
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            String id = clientTokens.earlierResult(call, clientToken).orElse(null);
            if (id == null) {
                if (region.customBaselines().size() >= SsmRegionState.BASELINE_QUOTA) {
                    throw SsmErrors.resourceLimitExceeded("Maximum number of patch baselines ("
                            + SsmRegionState.BASELINE_QUOTA + ") reached for this account and region.");
                }
                region.putBaseline(baseline);
                clientTokens.remember(call, clientToken, baseline.baselineId());
                id = baseline.baselineId();
            }
            return SsmJson.object().put("BaselineId", id);
        }
    }

    private JsonNode update(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            PatchBaseline existing = custom(region, request.required("BaselineId", 20, 128, BASELINE_ID));
            PatchBaseline base = Boolean.TRUE.equals(request.bool("Replace")) ? null : existing;
            PatchBaseline updated = definition(
                    request,
                    existing.baselineId(),
                    existing.operatingSystem(),
                    base,
                    existing.createdDate(),
                    clock.instant(),
                    existing.tags());
            region.putBaseline(updated);
            return BaselineJson.full(updated);
        }
    }

    private JsonNode get(AwsCall call) {
        String id = SsmRequest.of(call).required("BaselineId", 20, 128, BASELINE_ID);
        SsmRegionState region = state.region(call.accountId(), call.region());
        PatchBaseline baseline = region.baseline(id).orElseThrow(() -> missing(id));
        ObjectNode json = BaselineJson.full(baseline);
        json.set("PatchGroups", SsmJson.strings(region.patchGroupsOf(id)));
        return json;
    }

    private JsonNode describe(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        int maxResults = request.maxResults(1, 100, 50);
        Predicate<PatchBaseline> filter = baseline -> true;
        for (SsmRequest item : request.objects("Filters", 5)) {
            String key = item.required("Key", 1, 128, null);
            List<String> values = item.strings("Values", 1000, 1, 256);
            filter = filter.and(
                    switch (key) {
                        case "NAME_PREFIX" -> baseline -> values.stream().anyMatch(baseline.name()::startsWith);
                        case "OWNER" ->
                            baseline -> values.stream()
                                    .anyMatch(owner -> owner.equalsIgnoreCase("All")
                                            || owner.equalsIgnoreCase(baseline.awsOwned() ? "AWS" : "Self"));
                        case "OPERATING_SYSTEM" ->
                            baseline ->
                                    values.contains(baseline.operatingSystem().name());
                        default ->
                            throw SsmErrors.validation(
                                    "The filter key " + key + " isn't valid for DescribePatchBaselines.");
                    });
        }
        SsmRegionState region = state.region(call.accountId(), call.region());
        List<PatchBaseline> matching = Stream.concat(
                        region.customBaselines().stream(), region.predefinedBaselines().stream())
                .filter(filter)
                .toList();
        Page<PatchBaseline> page = Page.of(matching, maxResults, request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("BaselineIdentities");
        page.items().forEach(baseline -> list.add(BaselineJson.identity(baseline, region.isDefaultBaseline(baseline))));
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    /** Deleting a baseline that does not exist succeeds, as AWS's (idempotent) delete does. */
    private JsonNode delete(AwsCall call) {
        String id = SsmRequest.of(call).required("BaselineId", 20, 128, BASELINE_ID);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            region.baseline(id).ifPresent(baseline -> {
                if (baseline.awsOwned()) {
                    throw SsmErrors.validation("Predefined patch baselines can't be deleted.");
                }
                if (!region.patchGroupsOf(id).isEmpty()) {
                    throw SsmErrors.of(
                            "ResourceInUseException",
                            "Patch baseline " + id + " is registered with patch groups " + region.patchGroupsOf(id)
                                    + ".");
                }
                if (region.isDefaultBaseline(baseline)) {
                    throw SsmErrors.of("ResourceInUseException", "Patch baseline " + id + " is a default baseline.");
                }
                region.removeBaseline(id);
            });
        }
        return SsmJson.object().put("BaselineId", id);
    }

    private JsonNode getDefault(AwsCall call) {
        OperatingSystem os = operatingSystem(SsmRequest.of(call));
        PatchBaseline baseline = state.region(call.accountId(), call.region()).defaultBaseline(os);
        return SsmJson.object().put("BaselineId", baseline.baselineId()).put("OperatingSystem", os.name());
    }

    private JsonNode registerDefault(AwsCall call) {
        String id = SsmRequest.of(call).required("BaselineId", 20, 128, BASELINE_ID);
        SsmRegionState region = state.region(call.accountId(), call.region());
        synchronized (region) {
            PatchBaseline baseline = region.baseline(id).orElseThrow(() -> missing(id));
            region.setDefaultBaseline(baseline.operatingSystem(), id);
        }
        return SsmJson.object().put("BaselineId", id);
    }

    /** The OperatingSystem member; WINDOWS when absent, as AWS defaults it. */
    static OperatingSystem operatingSystem(SsmRequest request) {
        String os = request.enumValue("OperatingSystem", OPERATING_SYSTEMS);
        return os == null ? OperatingSystem.WINDOWS : OperatingSystem.valueOf(os);
    }

    static AwsException missing(String baselineId) {
        return SsmErrors.doesNotExist("Patch Baseline " + baselineId + " does not exist.");
    }

    private static PatchBaseline custom(SsmRegionState region, String id) {
        PatchBaseline baseline = region.baseline(id).orElseThrow(() -> missing(id));
        if (baseline.awsOwned()) {
            throw SsmErrors.validation("Predefined patch baselines can't be modified.");
        }
        return baseline;
    }

    /**
     * The baseline the request defines. With a {@code base} (UpdatePatchBaseline without Replace) members the request
     * leaves out keep the base's values; without one they take their defaults.
     */
    private static PatchBaseline definition(
            SsmRequest request,
            String id,
            OperatingSystem os,
            @Nullable PatchBaseline base,
            Instant created,
            Instant now,
            Map<String, String> tags) {
        String name = base != null && !request.has("Name")
                ? base.name()
                : request.required("Name", 3, 128, SsmRequest.RESOURCE_NAME);
        String description = base != null && !request.has("Description")
                ? base.description()
                : request.string("Description", 1, 1024, null);
        List<PatchFilter> globalFilters = base != null && !request.has("GlobalFilters")
                ? base.globalFilters()
                : filterGroup(request.object("GlobalFilters"));
        List<PatchRule> rules = base != null && !request.has("ApprovalRules")
                ? base.approvalRules()
                : rules(request.object("ApprovalRules"));
        List<String> approved = base != null && !request.has("ApprovedPatches")
                ? base.approvedPatches()
                : request.strings("ApprovedPatches", 50, 1, 100);
        String approvedLevel = base != null && !request.has("ApprovedPatchesComplianceLevel")
                ? base.approvedPatchesComplianceLevel()
                : orDefault(request.enumValue("ApprovedPatchesComplianceLevel", COMPLIANCE_LEVELS), "UNSPECIFIED");
        boolean approvedNonSecurity = base != null && !request.has("ApprovedPatchesEnableNonSecurity")
                ? base.approvedPatchesEnableNonSecurity()
                : Boolean.TRUE.equals(request.bool("ApprovedPatchesEnableNonSecurity"));
        List<String> rejected = base != null && !request.has("RejectedPatches")
                ? base.rejectedPatches()
                : request.strings("RejectedPatches", 50, 1, 100);
        String rejectedAction = base != null && !request.has("RejectedPatchesAction")
                ? base.rejectedPatchesAction()
                : orDefault(request.enumValue("RejectedPatchesAction", PATCH_ACTIONS), "ALLOW_AS_DEPENDENCY");
        List<PatchSource> sources = base != null && !request.has("Sources") ? base.sources() : sources(request);
        String securityStatus = base != null && !request.has("AvailableSecurityUpdatesComplianceStatus")
                ? base.availableSecurityUpdatesComplianceStatus()
                : request.enumValue("AvailableSecurityUpdatesComplianceStatus", COMPLIANCE_STATUSES);
        PatchBaseline baseline = new PatchBaseline(
                id,
                name,
                os,
                description,
                globalFilters,
                rules,
                approved,
                approvedLevel,
                approvedNonSecurity,
                rejected,
                rejectedAction,
                sources,
                securityStatus,
                created,
                now,
                false,
                tags);
        checkForOperatingSystem(baseline);
        return baseline;
    }

    private static List<PatchFilter> filterGroup(@Nullable SsmRequest group) {
        List<PatchFilter> filters = new ArrayList<>();
        if (group == null) {
            return filters;
        }
        if (!group.has("PatchFilters")) {
            throw SsmErrors.constraint(null, group.path("PatchFilters"), "Member must not be null");
        }
        for (SsmRequest filter : group.objects("PatchFilters", 4)) {
            String key = filter.enumValue("Key", FILTER_KEYS);
            List<String> values = filter.strings("Values", 20, 1, 64);
            if (key == null || values.isEmpty()) {
                throw SsmErrors.constraint(
                        null, filter.path(key == null ? "Key" : "Values"), "Member must not be null");
            }
            filters.add(new PatchFilter(key, values));
        }
        return filters;
    }

    private static List<PatchRule> rules(@Nullable SsmRequest ruleGroup) {
        List<PatchRule> rules = new ArrayList<>();
        if (ruleGroup == null) {
            return rules;
        }
        for (SsmRequest rule : ruleGroup.objects("PatchRules", 10)) {
            SsmRequest filterGroup = rule.object("PatchFilterGroup");
            if (filterGroup == null) {
                throw SsmErrors.constraint(null, rule.path("PatchFilterGroup"), "Member must not be null");
            }
            String until = rule.string("ApproveUntilDate", 1, 10, null);
            rules.add(new PatchRule(
                    filterGroup(filterGroup),
                    orDefault(rule.enumValue("ComplianceLevel", COMPLIANCE_LEVELS), "UNSPECIFIED"),
                    rule.integer("ApproveAfterDays", 0, 360),
                    until == null ? null : date(until, rule),
                    Boolean.TRUE.equals(rule.bool("EnableNonSecurity"))));
        }
        return rules;
    }

    private static LocalDate date(String text, SsmRequest rule) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw SsmErrors.constraint(
                    text, rule.path("ApproveUntilDate"), "Member must be a date in the form YYYY-MM-DD");
        }
    }

    private static List<PatchSource> sources(SsmRequest request) {
        List<PatchSource> sources = new ArrayList<>();
        for (SsmRequest source : request.objects("Sources", 20)) {
            List<String> products = source.strings("Products", 20, 1, 128);
            if (products.isEmpty()) {
                throw SsmErrors.constraint(null, source.path("Products"), "Member must not be null");
            }
            sources.add(new PatchSource(
                    source.required("Name", 3, 50, SOURCE_NAME),
                    products,
                    source.required("Configuration", 1, 1024, null)));
        }
        return sources;
    }

    private static void checkForOperatingSystem(PatchBaseline baseline) {
        OperatingSystem os = baseline.operatingSystem();
        Stream.concat(
                        baseline.globalFilters().stream(),
                        baseline.approvalRules().stream().flatMap(rule -> rule.filters().stream()))
                .map(PatchFilter::key)
                .filter(key -> !os.patchFilterKeys().contains(key))
                .findFirst()
                .ifPresent(key -> {
                    throw SsmErrors.validation("The patch filter key " + key + " isn't supported for operating system "
                            + os + ". Supported keys: " + os.patchFilterKeys());
                });
        for (PatchRule rule : baseline.approvalRules()) {
            boolean delayed = rule.approveAfterDays() != null || rule.approveUntilDate() != null;
            if (!os.supportsApprovalDelays() && delayed) {
                throw SsmErrors.validation(
                        "ApproveAfterDays and ApproveUntilDate are not supported for operating system " + os + ".");
            }
            if (os.supportsApprovalDelays() && (rule.approveAfterDays() == null) == (rule.approveUntilDate() == null)) {
                throw SsmErrors.validation(
                        "Each approval rule must have exactly one of ApproveAfterDays and ApproveUntilDate.");
            }
            if (rule.enableNonSecurity() && !os.supportsNonSecurityUpdates()) {
                throw SsmErrors.validation("EnableNonSecurity is supported for Linux operating systems only.");
            }
        }
        if (baseline.approvedPatchesEnableNonSecurity() && !os.supportsNonSecurityUpdates()) {
            throw SsmErrors.validation(
                    "ApprovedPatchesEnableNonSecurity is supported for Linux operating systems only.");
        }
        if (!baseline.sources().isEmpty() && os == OperatingSystem.WINDOWS) {
            throw SsmErrors.validation("Sources are supported for Linux operating systems only.");
        }
        if (baseline.availableSecurityUpdatesComplianceStatus() != null && os != OperatingSystem.WINDOWS) {
            throw SsmErrors.validation(
                    "AvailableSecurityUpdatesComplianceStatus is supported for Windows Server only.");
        }
    }

    private static String orDefault(@Nullable String value, String defaultValue) {
        return value == null ? defaultValue : value;
    }
}
