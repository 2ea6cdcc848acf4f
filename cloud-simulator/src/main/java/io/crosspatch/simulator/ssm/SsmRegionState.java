package io.crosspatch.simulator.ssm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Everything Systems Manager holds for one account in one region: activations, managed nodes, patch baselines and
 * their patch-group registrations, maintenance windows with their targets, tasks and executions, and associations.
 * AWS's predefined baselines of the region are visible here too ({@link #baseline(String)}).
 *
 * <p>This is what the patching engine and the compliance APIs read. Entities are immutable records; reads return
 * snapshots. Every method is synchronized on this object, so a caller that must check and then change (a quota, then
 * an insert) holds its monitor across both.
 */
public final class SsmRegionState {

    /**
     * Standard-tier limit of hybrid-activated nodes per account and region (the default of
     * {@link SsmState#standardTierNodeQuota()}, which tests may lower).
     */
    public static final int HYBRID_NODE_QUOTA = 1_000;
    /** Custom patch baselines per account and region. */
    public static final int BASELINE_QUOTA = 50;
    /** Maintenance windows per account and region. */
    public static final int WINDOW_QUOTA = 50;
    /** Targets per maintenance window. */
    public static final int TARGETS_PER_WINDOW_QUOTA = 100;
    /** Tasks per maintenance window. */
    public static final int TASKS_PER_WINDOW_QUOTA = 20;
    /** Patch groups per patch baseline. */
    public static final int PATCH_GROUPS_PER_BASELINE_QUOTA = 25;
    /** Active associations per account and region. */
    public static final int ASSOCIATION_QUOTA = 2_000;

    private static final Duration PING_INTERVAL = Duration.ofMinutes(5);

    private final String accountId;
    private final String region;
    private final List<PatchBaseline> predefinedBaselines;
    private final Map<String, Activation> activations = new LinkedHashMap<>();
    private final Map<String, ManagedNode> nodes = new LinkedHashMap<>();
    /** Deleted activation ids: deleting one again is InvalidActivation ("might have been deleted"), as in AWS. */
    private final Set<String> deletedActivations = new HashSet<>();

    private final Map<String, PatchBaseline> baselines = new LinkedHashMap<>();
    private final Map<OperatingSystem, String> defaultBaselineIds = new EnumMap<>(OperatingSystem.class);
    private final List<PatchGroupRegistration> patchGroups = new ArrayList<>();
    private final Map<String, MaintenanceWindow> windows = new LinkedHashMap<>();
    private final Map<String, WindowTarget> windowTargets = new LinkedHashMap<>();
    private final Map<String, WindowTask> windowTasks = new LinkedHashMap<>();
    private final Map<String, WindowExecution> windowExecutions = new LinkedHashMap<>();
    private final Map<String, Association> associations = new LinkedHashMap<>();
    private TierSetting tierSetting = TierSetting.DEFAULT;

    SsmRegionState(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
        this.predefinedBaselines = PredefinedBaselines.forRegion(region);
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    // ---- activations ------------------------------------------------------------------------------------------

    public synchronized List<Activation> activations() {
        return List.copyOf(activations.values());
    }

    public synchronized Optional<Activation> activation(String activationId) {
        return Optional.ofNullable(activations.get(activationId));
    }

    synchronized void putActivation(Activation activation) {
        activations.put(activation.activationId(), activation);
    }

    synchronized boolean removeActivation(String activationId) {
        boolean removed = activations.remove(activationId) != null;
        if (removed) {
            deletedActivations.add(activationId);
        }
        return removed;
    }

    synchronized boolean activationDeleted(String activationId) {
        return deletedActivations.contains(activationId);
    }

    // ---- managed nodes ----------------------------------------------------------------------------------------

    /** All managed nodes, in registration order. */
    public synchronized List<ManagedNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public synchronized Optional<ManagedNode> node(String instanceId) {
        return Optional.ofNullable(nodes.get(instanceId));
    }

    /** The nodes carrying tag {@code key=value}, e.g. {@code nodesWithTag("Patch Group", "early")}. */
    public synchronized List<ManagedNode> nodesWithTag(String key, String value) {
        return nodesWhere(node -> node.hasTag(key, value));
    }

    /** The nodes a list of targets selects (every target must match, as in AWS). */
    public synchronized List<ManagedNode> nodesMatching(Collection<Target> targets) {
        return nodesWhere(node -> !targets.isEmpty() && targets.stream().allMatch(target -> target.selects(node)));
    }

    synchronized void putNode(ManagedNode node) {
        nodes.put(node.instanceId(), node);
    }

    /**
     * What {@code AWS-UpdateSSMAgent} does on a node: it then runs {@code version}, or the latest agent when none is
     * asked for. Answers whether the node is there.
     */
    public synchronized boolean updateAgent(String instanceId, @Nullable String version) {
        ManagedNode node = nodes.get(instanceId);
        if (node == null) {
            return false;
        }
        String installed = version == null || version.isBlank() ? AgentRegistration.LATEST_AGENT_VERSION : version;
        nodes.put(instanceId, node.withAgent(installed, installed.equals(AgentRegistration.LATEST_AGENT_VERSION)));
        return true;
    }

    synchronized boolean removeNode(String instanceId) {
        return nodes.remove(instanceId) != null;
    }

    /** The node's agent stopped heartbeating: ConnectionLost, keeping its last ping time. */
    synchronized void connectionLost(String instanceId) {
        nodes.computeIfPresent(
                instanceId, (id, node) -> node.withPing(PingStatus.CONNECTION_LOST, node.lastPingDateTime()));
    }

    /** What a heartbeating agent does: Online nodes report a ping at least every five minutes. */
    synchronized void refreshPings(Instant now) {
        nodes.replaceAll((id, node) -> node.pingStatus() == PingStatus.ONLINE
                        && node.lastPingDateTime().plus(PING_INTERVAL).isBefore(now)
                ? node.withPing(PingStatus.ONLINE, now)
                : node);
    }

    // ---- activation tier --------------------------------------------------------------------------------------

    /** The account's activation-tier service setting in this region. */
    public synchronized TierSetting tierSetting() {
        return tierSetting;
    }

    synchronized void tierSetting(TierSetting setting) {
        tierSetting = setting;
    }

    // ---- patch baselines and patch groups ---------------------------------------------------------------------

    /** The account's own baselines, in creation order. */
    public synchronized List<PatchBaseline> customBaselines() {
        return List.copyOf(baselines.values());
    }

    /** AWS's predefined baselines in this region, one default per operating system. */
    public List<PatchBaseline> predefinedBaselines() {
        return predefinedBaselines;
    }

    /** A custom or predefined baseline by id. */
    public synchronized Optional<PatchBaseline> baseline(String baselineId) {
        PatchBaseline custom = baselines.get(baselineId);
        if (custom != null) {
            return Optional.of(custom);
        }
        return predefinedBaselines.stream()
                .filter(baseline -> baseline.baselineId().equals(baselineId))
                .findFirst();
    }

    /** The account's default baseline for an OS: AWS's predefined one unless RegisterDefaultPatchBaseline changed it. */
    public synchronized PatchBaseline defaultBaseline(OperatingSystem os) {
        String id = defaultBaselineIds.get(os);
        if (id != null && baselines.containsKey(id)) {
            return baselines.get(id);
        }
        return predefinedBaselines.stream()
                .filter(baseline -> baseline.operatingSystem() == os)
                .findFirst()
                .orElseThrow();
    }

    public synchronized boolean isDefaultBaseline(PatchBaseline baseline) {
        return defaultBaseline(baseline.operatingSystem()).baselineId().equals(baseline.baselineId());
    }

    /** The baseline registered for the patch group and OS, if any (no fallback to the default). */
    public synchronized Optional<PatchBaseline> baselineForPatchGroup(String patchGroup, OperatingSystem os) {
        return patchGroups.stream()
                .filter(registration ->
                        registration.patchGroup().equals(patchGroup) && registration.operatingSystem() == os)
                .findFirst()
                .flatMap(registration -> baseline(registration.baselineId()));
    }

    /**
     * The baseline Patch Manager applies to a node: the one registered for its patch group and OS, else the
     * account's default baseline for its OS.
     */
    public synchronized PatchBaseline baselineFor(ManagedNode node) {
        return node.patchGroup()
                .flatMap(group -> baselineForPatchGroup(group, node.operatingSystem()))
                .orElseGet(() -> defaultBaseline(node.operatingSystem()));
    }

    /** Every patch-group registration, in registration order. */
    public synchronized List<PatchGroupRegistration> patchGroupRegistrations() {
        return List.copyOf(patchGroups);
    }

    /** The patch groups registered with a baseline. */
    public synchronized List<String> patchGroupsOf(String baselineId) {
        return patchGroups.stream()
                .filter(registration -> registration.baselineId().equals(baselineId))
                .map(PatchGroupRegistration::patchGroup)
                .toList();
    }

    synchronized void putBaseline(PatchBaseline baseline) {
        baselines.put(baseline.baselineId(), baseline);
    }

    synchronized void removeBaseline(String baselineId) {
        baselines.remove(baselineId);
    }

    synchronized void setDefaultBaseline(OperatingSystem os, String baselineId) {
        defaultBaselineIds.put(os, baselineId);
    }

    synchronized void registerPatchGroup(PatchGroupRegistration registration) {
        patchGroups.add(registration);
    }

    synchronized boolean deregisterPatchGroup(String patchGroup, String baselineId) {
        return patchGroups.removeIf(registration -> registration.patchGroup().equals(patchGroup)
                && registration.baselineId().equals(baselineId));
    }

    // ---- maintenance windows ----------------------------------------------------------------------------------

    /** All maintenance windows, in creation order. */
    public synchronized List<MaintenanceWindow> windows() {
        return List.copyOf(windows.values());
    }

    public synchronized Optional<MaintenanceWindow> window(String windowId) {
        return Optional.ofNullable(windows.get(windowId));
    }

    public synchronized List<WindowTarget> windowTargets(String windowId) {
        return windowTargets.values().stream()
                .filter(target -> target.windowId().equals(windowId))
                .toList();
    }

    /** A window's tasks, in registration order (the runner orders them by priority). */
    public synchronized List<WindowTask> windowTasks(String windowId) {
        return windowTasks.values().stream()
                .filter(task -> task.windowId().equals(windowId))
                .toList();
    }

    /** A window's executions, most recent start first. */
    public synchronized List<WindowExecution> windowExecutions(String windowId) {
        return windowExecutions.values().stream()
                .filter(execution -> execution.windowId().equals(windowId))
                .sorted((a, b) -> b.startTime().compareTo(a.startTime()))
                .toList();
    }

    /**
     * The nodes a window task runs on: those of the window targets it names ({@code WindowTargetIds}) and the
     * nodes it names directly ({@code InstanceIds}), each once, in registration order.
     */
    public synchronized List<ManagedNode> nodesTargetedBy(WindowTask task) {
        Set<String> targetIds = task.targets().stream()
                .filter(target -> target.key().equals(Target.WINDOW_TARGET_IDS))
                .flatMap(target -> target.values().stream())
                .collect(Collectors.toSet());
        List<WindowTarget> referenced = windowTargets(task.windowId()).stream()
                .filter(target -> targetIds.contains(target.windowTargetId()))
                .toList();
        List<Target> direct = task.targets().stream()
                .filter(target -> target.key().equalsIgnoreCase(Target.INSTANCE_IDS))
                .toList();
        return nodesWhere(node -> referenced.stream().anyMatch(target -> target.selects(node))
                || direct.stream().anyMatch(target -> target.selects(node)));
    }

    /** Records a new run of a window or the new state of one (same execution id). */
    public synchronized void recordExecution(WindowExecution execution) {
        windowExecutions.put(execution.windowExecutionId(), execution);
    }

    synchronized void putWindow(MaintenanceWindow window) {
        windows.put(window.windowId(), window);
    }

    /** Deleting a window deletes its targets, tasks and execution history with it. */
    synchronized void removeWindow(String windowId) {
        windows.remove(windowId);
        windowTargets.values().removeIf(target -> target.windowId().equals(windowId));
        windowTasks.values().removeIf(task -> task.windowId().equals(windowId));
        windowExecutions.values().removeIf(execution -> execution.windowId().equals(windowId));
    }

    synchronized Optional<WindowTarget> windowTarget(String windowTargetId) {
        return Optional.ofNullable(windowTargets.get(windowTargetId));
    }

    synchronized void putWindowTarget(WindowTarget target) {
        windowTargets.put(target.windowTargetId(), target);
    }

    synchronized void removeWindowTarget(String windowTargetId) {
        windowTargets.remove(windowTargetId);
    }

    synchronized Optional<WindowTask> windowTask(String windowTaskId) {
        return Optional.ofNullable(windowTasks.get(windowTaskId));
    }

    synchronized void putWindowTask(WindowTask task) {
        windowTasks.put(task.windowTaskId(), task);
    }

    synchronized void removeWindowTask(String windowTaskId) {
        windowTasks.remove(windowTaskId);
    }

    // ---- associations -----------------------------------------------------------------------------------------

    /** All associations, in creation order. */
    public synchronized List<Association> associations() {
        return List.copyOf(associations.values());
    }

    public synchronized Optional<Association> association(String associationId) {
        return Optional.ofNullable(associations.get(associationId));
    }

    synchronized void putAssociation(Association association) {
        associations.put(association.associationId(), association);
    }

    synchronized void removeAssociation(String associationId) {
        associations.remove(associationId);
    }

    private List<ManagedNode> nodesWhere(Predicate<ManagedNode> condition) {
        return nodes.values().stream().filter(condition).toList();
    }
}
