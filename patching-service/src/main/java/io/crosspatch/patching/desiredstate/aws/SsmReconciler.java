package io.crosspatch.patching.desiredstate.aws;

import io.crosspatch.patching.desiredstate.application.AccountReconciler;
import io.crosspatch.patching.desiredstate.domain.AccountPlan;
import io.crosspatch.patching.desiredstate.domain.AppliedChanges;
import io.crosspatch.patching.desiredstate.domain.AssociationSpec;
import io.crosspatch.patching.desiredstate.domain.BaselineSpec;
import io.crosspatch.patching.desiredstate.domain.RuleSpec;
import io.crosspatch.patching.desiredstate.domain.TargetSpec;
import io.crosspatch.patching.desiredstate.domain.WindowSpec;
import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Association;
import software.amazon.awssdk.services.ssm.model.AssociationDescription;
import software.amazon.awssdk.services.ssm.model.DescribeMaintenanceWindowsResponse;
import software.amazon.awssdk.services.ssm.model.DescribePatchBaselinesResponse;
import software.amazon.awssdk.services.ssm.model.DescribePatchGroupsResponse;
import software.amazon.awssdk.services.ssm.model.GetPatchBaselineResponse;
import software.amazon.awssdk.services.ssm.model.ListAssociationsResponse;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowIdentity;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowResourceType;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTarget;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTask;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTaskType;
import software.amazon.awssdk.services.ssm.model.PatchBaselineIdentity;
import software.amazon.awssdk.services.ssm.model.PatchFilter;
import software.amazon.awssdk.services.ssm.model.PatchGroupPatchBaselineMapping;
import software.amazon.awssdk.services.ssm.model.PatchRule;
import software.amazon.awssdk.services.ssm.model.PatchRuleGroup;
import software.amazon.awssdk.services.ssm.model.Target;

/**
 * Brings one system account's SSM to an {@link AccountPlan}: read what is there (by the {@code crosspatch-} names),
 * diff it against the plan, and apply only the difference. A second run over an unchanged account reads and
 * changes nothing. Creations carry a ClientToken derived from the account, the resource, its definition and the
 * pass, so the SDK's retry of a create whose answer was lost is answered with the same resource, and the names make
 * every later run (after a crash too) find what an earlier one created.
 *
 * <p>What a pass over an unchanged account costs (all reads): DescribePatchBaselines and DescribePatchGroups (1 page
 * each up to 100), GetPatchBaseline per baseline (24 for 8 OSes × 3 groups), DescribeMaintenanceWindows (1), per
 * window DescribeMaintenanceWindowTargets, DescribeMaintenanceWindowTasks and GetMaintenanceWindowTask (3 × 3), per
 * association ListAssociations and DescribeAssociation (2 × 3): 42 calls, 8 more per custom group. Drift is found
 * because these reads are of what the account holds, not of what was last written.
 */
@Component
class SsmReconciler implements AccountReconciler {

    private static final Logger log = LoggerFactory.getLogger(SsmReconciler.class);
    private static final String PREFIX = "crosspatch-";

    private final BudgetedCalls<SsmClient> ssm;

    public SsmReconciler(BudgetedCalls<SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public AppliedChanges reconcile(SystemAccountRef account, AccountPlan plan) {
        String pass = UUID.randomUUID().toString();
        Tally baselines = new Tally(pass);
        Tally windows = new Tally(pass);
        Tally associations = new Tally(pass);
        reconcileBaselines(account, plan.baselines(), baselines);
        reconcileWindows(account, plan.windows(), windows);
        reconcileAssociations(account, plan.associations(), associations);
        AppliedChanges changes = new AppliedChanges(baselines.get(), windows.get(), associations.get());
        if (changes.any()) {
            log.info("reconciled system account {} in {}: {}", account.accountId(), account.region(), changes);
        } else {
            log.debug("system account {} in {} holds its plan", account.accountId(), account.region());
        }
        return changes;
    }

    // ---- baselines and patch groups

    private void reconcileBaselines(SystemAccountRef account, List<BaselineSpec> specs, Tally changes) {
        Map<String, PatchBaselineIdentity> existing = new HashMap<>();
        String token = null;
        do {
            String next = token;
            DescribePatchBaselinesResponse page = ssm.call(
                    account,
                    "DescribePatchBaselines",
                    c -> c.describePatchBaselines(r -> r.filters(
                                    f -> f.key("OWNER").values("Self"),
                                    f -> f.key("NAME_PREFIX").values(PREFIX))
                            .maxResults(100)
                            .nextToken(next)));
            page.baselineIdentities().forEach(b -> existing.put(b.baselineName(), b));
            token = page.nextToken();
        } while (token != null);
        Map<String, String> baselineOfGroup = patchGroups(account);
        for (BaselineSpec spec : specs) {
            PatchBaselineIdentity found = existing.remove(spec.name());
            String baselineId = found == null
                    ? createBaseline(account, spec, changes)
                    : updateBaseline(account, spec, found, changes);
            String registered =
                    baselineOfGroup.get(spec.patchGroup() + "/" + spec.os().ssmName());
            if (!baselineId.equals(registered)) {
                if (registered != null) {
                    ssm.call(
                            account,
                            "DeregisterPatchBaselineForPatchGroup",
                            c -> c.deregisterPatchBaselineForPatchGroup(
                                    r -> r.baselineId(registered).patchGroup(spec.patchGroup())));
                    changes.incrementAndGet();
                }
                ssm.call(
                        account,
                        "RegisterPatchBaselineForPatchGroup",
                        c -> c.registerPatchBaselineForPatchGroup(
                                r -> r.baselineId(baselineId).patchGroup(spec.patchGroup())));
                changes.incrementAndGet();
            }
        }
        for (PatchBaselineIdentity stale : existing.values()) {
            GetPatchBaselineResponse baseline = ssm.call(
                    account, "GetPatchBaseline", c -> c.getPatchBaseline(r -> r.baselineId(stale.baselineId())));
            for (String group : baseline.patchGroups()) {
                ssm.call(
                        account,
                        "DeregisterPatchBaselineForPatchGroup",
                        c -> c.deregisterPatchBaselineForPatchGroup(
                                r -> r.baselineId(stale.baselineId()).patchGroup(group)));
                changes.incrementAndGet();
            }
            ssm.call(account, "DeletePatchBaseline", c -> c.deletePatchBaseline(r -> r.baselineId(stale.baselineId())));
            changes.incrementAndGet();
        }
    }

    /** Patch group and OS → the baseline registered for them. */
    private Map<String, String> patchGroups(SystemAccountRef account) {
        Map<String, String> mappings = new HashMap<>();
        String token = null;
        do {
            String next = token;
            DescribePatchGroupsResponse page = ssm.call(
                    account,
                    "DescribePatchGroups",
                    c -> c.describePatchGroups(r -> r.maxResults(100).nextToken(next)));
            for (PatchGroupPatchBaselineMapping mapping : page.mappings()) {
                mappings.put(
                        mapping.patchGroup() + "/" + mapping.baselineIdentity().operatingSystemAsString(),
                        mapping.baselineIdentity().baselineId());
            }
            token = page.nextToken();
        } while (token != null);
        return mappings;
    }

    private String createBaseline(SystemAccountRef account, BaselineSpec spec, Tally changes) {
        String token = clientToken(changes.pass(), account, "CreatePatchBaseline", spec.toString());
        String id = ssm.call(
                        account,
                        "CreatePatchBaseline",
                        c -> c.createPatchBaseline(r -> r.name(spec.name())
                                .operatingSystem(spec.os().ssmName())
                                .description(spec.description())
                                .approvalRules(rules(spec))
                                .clientToken(token)))
                .baselineId();
        changes.incrementAndGet();
        return id;
    }

    private String updateBaseline(
            SystemAccountRef account, BaselineSpec spec, PatchBaselineIdentity found, Tally changes) {
        GetPatchBaselineResponse current =
                ssm.call(account, "GetPatchBaseline", c -> c.getPatchBaseline(r -> r.baselineId(found.baselineId())));
        List<RuleSpec> currentRules = current.approvalRules() == null
                ? List.of()
                : current.approvalRules().patchRules().stream()
                        .map(SsmReconciler::ruleSpec)
                        .toList();
        if (!currentRules.equals(spec.rules()) || !Objects.equals(current.description(), spec.description())) {
            ssm.call(
                    account,
                    "UpdatePatchBaseline",
                    c -> c.updatePatchBaseline(r -> r.baselineId(found.baselineId())
                            .description(spec.description())
                            .approvalRules(rules(spec))));
            changes.incrementAndGet();
        }
        return found.baselineId();
    }

    private static PatchRuleGroup rules(BaselineSpec spec) {
        return PatchRuleGroup.builder()
                .patchRules(spec.rules().stream()
                        .map(rule -> PatchRule.builder()
                                .patchFilterGroup(group -> group.patchFilters(rule.filters().entrySet().stream()
                                        .map(filter -> PatchFilter.builder()
                                                .key(filter.getKey())
                                                .values(filter.getValue())
                                                .build())
                                        .toList()))
                                .complianceLevel(rule.complianceLevel())
                                .approveAfterDays(rule.approveAfterDays())
                                .build())
                        .toList())
                .build();
    }

    private static RuleSpec ruleSpec(PatchRule rule) {
        TreeMap<String, List<String>> filters = new TreeMap<>();
        rule.patchFilterGroup()
                .patchFilters()
                .forEach(filter -> filters.put(filter.keyAsString(), List.copyOf(filter.values())));
        return new RuleSpec(filters, rule.complianceLevelAsString(), rule.approveAfterDays());
    }

    // ---- maintenance windows, their targets and tasks

    private void reconcileWindows(SystemAccountRef account, List<WindowSpec> specs, Tally changes) {
        Map<String, MaintenanceWindowIdentity> existing = new HashMap<>();
        String token = null;
        do {
            String next = token;
            DescribeMaintenanceWindowsResponse page = ssm.call(
                    account,
                    "DescribeMaintenanceWindows",
                    c -> c.describeMaintenanceWindows(r -> r.maxResults(100).nextToken(next)));
            page.windowIdentities().stream()
                    .filter(w -> w.name().startsWith(PREFIX))
                    .forEach(w -> existing.put(w.name(), w));
            token = page.nextToken();
        } while (token != null);
        for (WindowSpec spec : specs) {
            MaintenanceWindowIdentity found = existing.remove(spec.name());
            String windowId =
                    found == null ? createWindow(account, spec, changes) : updateWindow(account, spec, found, changes);
            String targetId = reconcileTarget(account, windowId, spec, changes);
            reconcileTask(account, windowId, targetId, spec, changes);
        }
        for (MaintenanceWindowIdentity stale : existing.values()) {
            ssm.call(
                    account,
                    "DeleteMaintenanceWindow",
                    c -> c.deleteMaintenanceWindow(r -> r.windowId(stale.windowId())));
            changes.incrementAndGet();
        }
    }

    private String createWindow(SystemAccountRef account, WindowSpec spec, Tally changes) {
        String token = clientToken(changes.pass(), account, "CreateMaintenanceWindow", spec.toString());
        String id = ssm.call(
                        account,
                        "CreateMaintenanceWindow",
                        c -> c.createMaintenanceWindow(r -> r.name(spec.name())
                                .schedule(spec.schedule())
                                .scheduleOffset(spec.scheduleOffset())
                                .duration(spec.durationHours())
                                .cutoff(spec.cutoffHours())
                                .allowUnassociatedTargets(false)
                                .clientToken(token)))
                .windowId();
        changes.incrementAndGet();
        return id;
    }

    private String updateWindow(
            SystemAccountRef account, WindowSpec spec, MaintenanceWindowIdentity found, Tally changes) {
        boolean same = Objects.equals(found.schedule(), spec.schedule())
                && Objects.equals(found.scheduleOffset(), spec.scheduleOffset())
                && Objects.equals(found.duration(), spec.durationHours())
                && Objects.equals(found.cutoff(), spec.cutoffHours())
                && Boolean.TRUE.equals(found.enabled());
        if (!same) {
            ssm.call(
                    account,
                    "UpdateMaintenanceWindow",
                    c -> c.updateMaintenanceWindow(r -> r.windowId(found.windowId())
                            .schedule(spec.schedule())
                            .scheduleOffset(spec.scheduleOffset())
                            .duration(spec.durationHours())
                            .cutoff(spec.cutoffHours())
                            .enabled(true)));
            changes.incrementAndGet();
        }
        return found.windowId();
    }

    private String reconcileTarget(SystemAccountRef account, String windowId, WindowSpec spec, Tally changes) {
        List<MaintenanceWindowTarget> targets = ssm.call(
                        account,
                        "DescribeMaintenanceWindowTargets",
                        c -> c.describeMaintenanceWindowTargets(
                                r -> r.windowId(windowId).maxResults(100)))
                .targets();
        Optional<MaintenanceWindowTarget> ours = targets.stream()
                .filter(t -> WindowSpec.MEMBER_NAME.equals(t.name())
                        && targetSpecs(t.targets()).equals(List.of(spec.target())))
                .findFirst();
        if (ours.isPresent()) {
            return ours.get().windowTargetId();
        }
        String token =
                clientToken(changes.pass(), account, "RegisterTargetWithMaintenanceWindow", windowId + spec.target());
        String targetId = ssm.call(
                        account,
                        "RegisterTargetWithMaintenanceWindow",
                        c -> c.registerTargetWithMaintenanceWindow(r -> r.windowId(windowId)
                                .resourceType(MaintenanceWindowResourceType.INSTANCE)
                                .name(WindowSpec.MEMBER_NAME)
                                .targets(target(spec.target()))
                                .clientToken(token)))
                .windowTargetId();
        changes.incrementAndGet();
        for (MaintenanceWindowTarget stale : targets.stream()
                .filter(t -> WindowSpec.MEMBER_NAME.equals(t.name()))
                .toList()) {
            ssm.call(
                    account,
                    "DeregisterTargetFromMaintenanceWindow",
                    c -> c.deregisterTargetFromMaintenanceWindow(r -> r.windowId(windowId)
                            .windowTargetId(stale.windowTargetId())
                            .safe(false)));
            changes.incrementAndGet();
        }
        return targetId;
    }

    private void reconcileTask(
            SystemAccountRef account, String windowId, String targetId, WindowSpec spec, Tally changes) {
        List<MaintenanceWindowTask> tasks = ssm.call(
                        account,
                        "DescribeMaintenanceWindowTasks",
                        c -> c.describeMaintenanceWindowTasks(
                                r -> r.windowId(windowId).maxResults(100)))
                .tasks();
        Optional<MaintenanceWindowTask> ours = tasks.stream()
                .filter(t -> WindowSpec.MEMBER_NAME.equals(t.name()))
                .findFirst();
        List<TargetSpec> taskTargets = List.of(new TargetSpec("WindowTargetIds", List.of(targetId)));
        if (ours.isEmpty()) {
            String token = clientToken(
                    changes.pass(), account, "RegisterTaskWithMaintenanceWindow", windowId + targetId + spec);
            ssm.call(
                    account,
                    "RegisterTaskWithMaintenanceWindow",
                    c -> c.registerTaskWithMaintenanceWindow(r -> r.windowId(windowId)
                            .name(WindowSpec.MEMBER_NAME)
                            .taskArn(WindowSpec.TASK_DOCUMENT)
                            .taskType(MaintenanceWindowTaskType.RUN_COMMAND)
                            .targets(target(taskTargets.get(0)))
                            .priority(1)
                            .maxConcurrency(spec.maxConcurrency())
                            .maxErrors(spec.maxErrors())
                            .taskInvocationParameters(p -> p.runCommand(rc -> rc.parameters(spec.taskParameters())))
                            .clientToken(token)));
            changes.incrementAndGet();
            return;
        }
        MaintenanceWindowTask task = ours.get();
        Map<String, List<String>> parameters = ssm.call(
                        account,
                        "GetMaintenanceWindowTask",
                        c -> c.getMaintenanceWindowTask(
                                r -> r.windowId(windowId).windowTaskId(task.windowTaskId())))
                .taskInvocationParameters()
                .runCommand()
                .parameters();
        boolean same = WindowSpec.TASK_DOCUMENT.equals(task.taskArn())
                && targetSpecs(task.targets()).equals(taskTargets)
                && spec.maxConcurrency().equals(task.maxConcurrency())
                && spec.maxErrors().equals(task.maxErrors())
                && new TreeMap<>(parameters).equals(spec.taskParameters());
        if (!same) {
            ssm.call(
                    account,
                    "UpdateMaintenanceWindowTask",
                    c -> c.updateMaintenanceWindowTask(r -> r.windowId(windowId)
                            .windowTaskId(task.windowTaskId())
                            .taskArn(WindowSpec.TASK_DOCUMENT)
                            .targets(target(taskTargets.get(0)))
                            .maxConcurrency(spec.maxConcurrency())
                            .maxErrors(spec.maxErrors())
                            .taskInvocationParameters(p -> p.runCommand(rc -> rc.parameters(spec.taskParameters())))));
            changes.incrementAndGet();
        }
    }

    // ---- State Manager associations

    private void reconcileAssociations(SystemAccountRef account, List<AssociationSpec> specs, Tally changes) {
        for (AssociationSpec spec : specs) {
            ListAssociationsResponse found = ssm.call(
                    account,
                    "ListAssociations",
                    c -> c.listAssociations(r -> r.associationFilterList(
                            f -> f.key("AssociationName").value(spec.name()))));
            Optional<Association> existing = found.associations().stream().findFirst();
            if (existing.isEmpty()) {
                ssm.call(
                        account,
                        "CreateAssociation",
                        c -> c.createAssociation(r -> r.name(spec.document())
                                .associationName(spec.name())
                                .parameters(spec.parameters())
                                .scheduleExpression(spec.schedule())
                                .targets(spec.targets().stream()
                                        .map(SsmReconciler::target)
                                        .toList())));
                changes.incrementAndGet();
                continue;
            }
            String associationId = existing.get().associationId();
            AssociationDescription current = ssm.call(
                            account,
                            "DescribeAssociation",
                            c -> c.describeAssociation(r -> r.associationId(associationId)))
                    .associationDescription();
            boolean same = spec.document().equals(current.name())
                    && new TreeMap<>(current.parameters()).equals(spec.parameters())
                    && Objects.equals(current.scheduleExpression(), spec.schedule())
                    && targetSpecs(current.targets()).equals(spec.targets());
            if (!same) {
                ssm.call(
                        account,
                        "UpdateAssociation",
                        c -> c.updateAssociation(r -> r.associationId(associationId)
                                .associationName(spec.name())
                                .parameters(spec.parameters())
                                .scheduleExpression(spec.schedule())
                                .targets(spec.targets().stream()
                                        .map(SsmReconciler::target)
                                        .toList())));
                changes.incrementAndGet();
            }
        }
    }

    private static Target target(TargetSpec spec) {
        return Target.builder().key(spec.key()).values(spec.values()).build();
    }

    private static List<TargetSpec> targetSpecs(List<Target> targets) {
        List<TargetSpec> specs = new ArrayList<>();
        targets.forEach(t -> specs.add(new TargetSpec(t.key(), t.values())));
        return specs;
    }

    /**
     * A ClientToken for one creation: the same account, operation and definition in the same reconcile pass give the
     * same token, so the SDK's retry of a create whose answer was lost gets the resource the first attempt made. Not
     * wider than the pass: a later pass finds what an earlier one created by its name, and a resource deleted by hand
     * since must be created anew, which a remembered token would answer with the deleted one.
     */
    private static String clientToken(String pass, SystemAccountRef account, String operation, String definition) {
        String material =
                account.accountId() + "|" + account.region() + "|" + operation + "|" + definition + "|" + pass;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 64);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** One reconcile's count of changes to one kind of resource, and the pass its creations' tokens belong to. */
    private static final class Tally {

        private final AtomicInteger count = new AtomicInteger();
        private final String pass;

        Tally(String pass) {
            this.pass = pass;
        }

        void incrementAndGet() {
            count.incrementAndGet();
        }

        int get() {
            return count.get();
        }

        String pass() {
            return pass;
        }
    }
}
