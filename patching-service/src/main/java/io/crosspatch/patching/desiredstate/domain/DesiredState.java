package io.crosspatch.patching.desiredstate.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The declared SSM configuration of every system account, as data: the approval rules per OS, the standard patch
 * groups with their delays and window schedules, the template custom groups inherit, how windows run, and the
 * Scan and inventory schedules, and when agents are updated. {@link #planFor} turns it into one account's
 * {@link AccountPlan}, adding the account's custom groups within SSM's quotas; {@link #version} names it. It is one
 * named policy (the platform's {@value #STANDARD_POLICY}); per-tenant policies would be more of these.
 */
public final class DesiredState {

    /** Baselines per account and region (SSM quota). */
    public static final int BASELINE_QUOTA = 50;
    /** Maintenance windows per account and region (SSM quota). */
    public static final int WINDOW_QUOTA = 50;

    public static final String PATCH_GROUP_TAG = "Patch Group";
    private static final Pattern GROUP_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");
    private static final String PREFIX = "crosspatch-";

    /** The association that keeps every node's SSM Agent current. */
    public static final String AGENT_UPDATE_ASSOCIATION = PREFIX + "agent-update";

    /** The name of the platform's one policy. */
    public static final String STANDARD_POLICY = "standard";

    private final Map<ManagedOs, List<ApprovalRule>> rules;
    private final List<PatchGroupPolicy> standardGroups;
    private final String customGroupTemplate;
    private final WindowPolicy window;
    private final String scanSchedule;
    private final String inventorySchedule;
    private final String policyName;
    private final String agentUpdateSchedule;

    /** The standard policy, its agents updated right after the latest group's window. */
    public DesiredState(
            Map<ManagedOs, List<ApprovalRule>> rules,
            List<PatchGroupPolicy> standardGroups,
            String customGroupTemplate,
            WindowPolicy window,
            String scanSchedule,
            String inventorySchedule) {
        this(
                STANDARD_POLICY,
                rules,
                standardGroups,
                customGroupTemplate,
                window,
                scanSchedule,
                inventorySchedule,
                AgentUpdateSchedule.afterLatestWindow(standardGroups, window));
    }

    public DesiredState(
            String policyName,
            Map<ManagedOs, List<ApprovalRule>> rules,
            List<PatchGroupPolicy> standardGroups,
            String customGroupTemplate,
            WindowPolicy window,
            String scanSchedule,
            String inventorySchedule,
            String agentUpdateSchedule) {
        this.policyName = policyName;
        this.agentUpdateSchedule = agentUpdateSchedule;
        this.rules = new EnumMap<>(rules);
        this.standardGroups = List.copyOf(standardGroups);
        this.customGroupTemplate = customGroupTemplate;
        this.window = window;
        this.scanSchedule = scanSchedule;
        this.inventorySchedule = inventorySchedule;
        if (standardGroups.stream().noneMatch(group -> group.name().equals(customGroupTemplate))) {
            throw new IllegalArgumentException(
                    "the custom group template " + customGroupTemplate + " is no standard group");
        }
        if (rules.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("every OS needs at least one approval rule");
        }
    }

    /** The policy's version: its name and the hash of the plan of an account without custom groups. */
    public PolicyVersion version() {
        return new PolicyVersion(policyName, planFor(Set.of()).hash());
    }

    /** Rate or cron (SSM syntax) of the agent-update association. */
    public String agentUpdateSchedule() {
        return agentUpdateSchedule;
    }

    public boolean isStandardGroup(String patchGroup) {
        return standardGroups.stream().anyMatch(group -> group.name().equals(patchGroup));
    }

    /** Whether {@code patchGroup} can name a custom group (it becomes part of baseline and window names). */
    public static boolean isValidGroupName(String patchGroup) {
        return patchGroup != null && GROUP_NAME.matcher(patchGroup).matches();
    }

    /** The OSes this desired state configures. */
    public Set<ManagedOs> operatingSystems() {
        return rules.keySet();
    }

    /** The plan for an account whose enrollments asked for {@code customGroups} besides the standard ones. */
    public AccountPlan planFor(Set<String> customGroups) {
        List<PatchGroupPolicy> groups = new ArrayList<>(standardGroups);
        PatchGroupPolicy template = standardGroups.stream()
                .filter(g -> g.name().equals(customGroupTemplate))
                .findFirst()
                .orElseThrow();
        for (String custom : new TreeSet<>(customGroups)) {
            if (!isStandardGroup(custom)) {
                groups.add(template.named(custom));
            }
        }
        if (groups.size() * rules.size() > BASELINE_QUOTA || groups.size() > WINDOW_QUOTA) {
            throw new PatchGroupQuotaExceededException(groups.size() + " patch groups × " + rules.size()
                    + " operating systems exceed the quota of " + BASELINE_QUOTA + " baselines per account and region");
        }
        List<BaselineSpec> baselines = new ArrayList<>();
        List<WindowSpec> windows = new ArrayList<>();
        for (PatchGroupPolicy group : groups) {
            rules.forEach((os, osRules) -> baselines.add(baseline(os, osRules, group)));
            windows.add(installWindow(group));
        }
        List<String> groupNames = groups.stream().map(PatchGroupPolicy::name).toList();
        return new AccountPlan(baselines, windows, List.of(scan(groupNames), inventory(), agentUpdate()));
    }

    private static BaselineSpec baseline(ManagedOs os, List<ApprovalRule> osRules, PatchGroupPolicy group) {
        Integer delay = os.supportsApprovalDelays() ? group.delayDays() : null;
        List<RuleSpec> specs = osRules.stream()
                .map(rule -> new RuleSpec(rule.filters(), rule.complianceLevel(), delay))
                .toList();
        String description = os.supportsApprovalDelays()
                ? "Crosspatch " + group.name() + ": approves patches " + group.delayDays() + " days after release"
                : "Crosspatch " + group.name() + ": no release dates for " + os.slug()
                        + "; the group's delay comes from its install window's timing";
        return new BaselineSpec(PREFIX + os.slug() + "-" + group.name(), os, group.name(), specs, description);
    }

    private WindowSpec installWindow(PatchGroupPolicy group) {
        TreeMap<String, List<String>> parameters = new TreeMap<>();
        parameters.put("Operation", List.of("Install"));
        parameters.put("RebootOption", List.of("RebootIfNeeded"));
        return new WindowSpec(
                PREFIX + "install-" + group.name(),
                group.installSchedule(),
                group.scheduleOffset(),
                window.durationHours(),
                window.cutoffHours(),
                new TargetSpec("tag:" + PATCH_GROUP_TAG, List.of(group.name())),
                parameters,
                window.maxConcurrency(),
                window.maxErrors());
    }

    private AssociationSpec scan(List<String> groupNames) {
        TreeMap<String, List<String>> parameters = new TreeMap<>();
        parameters.put("Operation", List.of("Scan"));
        parameters.put("RebootOption", List.of("NoReboot"));
        return new AssociationSpec(
                PREFIX + "scan",
                "AWS-RunPatchBaseline",
                parameters,
                scanSchedule,
                List.of(new TargetSpec("tag:" + PATCH_GROUP_TAG, groupNames)));
    }

    /**
     * {@code AWS-UpdateSSMAgent} on every node, without parameters (the latest agent, never a downgrade): what makes
     * "pending agent updates" fall to zero instead of only being counted.
     */
    private AssociationSpec agentUpdate() {
        return new AssociationSpec(
                AGENT_UPDATE_ASSOCIATION,
                "AWS-UpdateSSMAgent",
                new TreeMap<>(),
                agentUpdateSchedule,
                List.of(new TargetSpec("InstanceIds", List.of("*"))));
    }

    private AssociationSpec inventory() {
        TreeMap<String, List<String>> parameters = new TreeMap<>();
        for (String kind : List.of(
                "applications",
                "awsComponents",
                "instanceDetailedInformation",
                "networkConfig",
                "services",
                "windowsUpdates")) {
            parameters.put(kind, List.of("Enabled"));
        }
        return new AssociationSpec(
                PREFIX + "inventory",
                "AWS-GatherSoftwareInventory",
                parameters,
                inventorySchedule,
                List.of(new TargetSpec("InstanceIds", List.of("*"))));
    }
}
