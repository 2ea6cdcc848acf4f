package io.crosspatch.patching.desiredstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.patching.desiredstate.application.AccountConfigurer;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Calls;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.persistence.SystemAccountRepository;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.EventLog;
import io.crosspatch.simulator.control.Fault;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AssociationDescription;
import software.amazon.awssdk.services.ssm.model.GetPatchBaselineResponse;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowIdentity;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowTask;
import software.amazon.awssdk.services.ssm.model.PatchBaselineIdentity;
import software.amazon.awssdk.services.ssm.model.PatchRule;

/**
 * The reconciler against the simulator: the first account.ready leaves exactly the declared SSM configuration, a
 * second one makes no mutating call, a forced re-run finds nothing to change, a reconcile broken off half-way
 * leaves no duplicates when it runs again, and 20% throttling only slows it down.
 */
class AccountReconcileTest extends PatchingIntegrationTest {

    private static final List<String> GROUPS = List.of("early", "on-time", "late");
    private static final Map<String, Integer> DELAYS = Map.of("early", 0, "on-time", 7, "late", 14);
    private static final List<String> OS_SLUGS =
            List.of("windows", "ubuntu", "debian", "centos", "rhel", "oracle-linux", "amazon-linux", "amazon-linux-2");

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private AccountConfigurer configurer;

    @Autowired
    private SystemAccountRepository accounts;

    @Test
    void firstAccountReadyConfiguresExactlyTheDesiredStateAndASecondMakesNoMutatingCall() throws Exception {
        // given a new system account
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);

        // when its first enrollment is ready
        publishAndAwaitIssued(account, OperatingSystem.UBUNTU, "early");

        // then the account holds the declared baselines, registrations, windows, targets, tasks and associations
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            assertDesiredState(test.ssm());
        }
        // and a second enrollment for the same account makes no mutating SSM call besides its activation
        Map<String, Long> before = Calls.mutating(SIMULATOR, account.getAccountId());
        publishAndAwaitIssued(account, OperatingSystem.REDHAT_ENTERPRISE_LINUX, "late");
        Map<String, Long> after = Calls.mutating(SIMULATOR, account.getAccountId());
        after.merge("CreateActivation", -1L, Long::sum);
        assertThat(after).isEqualTo(before);
        // and a forced reconcile (read, diff, apply) of the unchanged account finds nothing to change
        long reads = Calls.allSsm(SIMULATOR, account.getAccountId());
        int changes = configurer
                .reconcile(accounts.find(account.getAccountId()).orElseThrow())
                .total();
        assertThat(changes).isZero();
        assertThat(Calls.mutating(SIMULATOR, account.getAccountId()))
                .isEqualTo(after.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                e -> e.getKey().equals("CreateActivation") ? e.getValue() + 1 : e.getValue())));
        assertThat(Calls.allSsm(SIMULATOR, account.getAccountId())).isGreaterThan(reads);
    }

    @Test
    void aReconcileBrokenOffHalfWayLeavesNoDuplicatesWhenItRunsAgain() throws Exception {
        // given an account whose first reconcile dies after its baselines, at the first maintenance window
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        accounts.remember(
                new io.crosspatch.patching.systemaccount.domain.SystemAccountRef(
                        account.getAccountId(),
                        account.getRegion(),
                        account.getRoleArn(),
                        account.getSsmServiceRoleName()),
                io.crosspatch.kernel.CloudAccountKey.parse(Fixtures.cloudAccountKey(account)),
                "acme",
                Set.of());
        Fault broken = new Fault("ssm", "CreateMaintenanceWindow", 0, 1.0, 0);
        SIMULATOR.traffic().addFault(broken);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> configurer.ensureConfigured(
                            accounts.find(account.getAccountId()).orElseThrow()))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            SIMULATOR.traffic().clearFaults();
        }
        assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "CreatePatchBaseline"))
                .isEqualTo(24);

        // when the account's next enrollment arrives (as after a restart: the applied hash was never recorded)
        publishAndAwaitIssued(account, OperatingSystem.WINDOWS, "on-time");

        // then there is exactly one of everything
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            assertDesiredState(test.ssm());
        }
        assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "CreatePatchBaseline"))
                .isEqualTo(24);
    }

    @Test
    void twentyPercentThrottlingOnlySlowsTheReconcileAndTheActivationsDown() throws Exception {
        // given SSM throttling one call in five
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        SIMULATOR.traffic().addFault(new Fault("ssm", "*", 0.2, 0, 0));
        try {
            // when five enrollments arrive at once
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                var ready = Fixtures.accountReady(account, OperatingSystem.AMAZON_LINUX_2, GROUPS.get(i % 3));
                ids.add(ready.getEnrollmentId());
                kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(account), ready)
                        .get();
            }
            // then every activation is issued and the account is fully configured
            List<InstanceActivated> issued = EventLog.await(
                    Topics.INSTANCE_ACTIVATED.name(),
                    Fixtures.cloudAccountKey(account),
                    InstanceActivated.class,
                    e -> ids.contains(e.getEnrollmentId()),
                    5);
            assertThat(issued).extracting(InstanceActivated::getEnrollmentId).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            SIMULATOR.traffic().clearFaults();
        }
        assertThat(SIMULATOR.calls().all().stream()
                        .filter(c -> c.accountId().equals(account.getAccountId()))
                        .count())
                .isPositive();
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            assertDesiredState(test.ssm());
        }
    }

    private void publishAndAwaitIssued(SystemAccount account, OperatingSystem os, String group) throws Exception {
        var ready = Fixtures.accountReady(account, os, group);
        kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(account), ready)
                .get();
        EventLog.await(
                Topics.INSTANCE_ACTIVATED.name(),
                Fixtures.cloudAccountKey(account),
                InstanceActivated.class,
                e -> e.getEnrollmentId().equals(ready.getEnrollmentId()),
                1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> accounts.find(account.getAccountId())
                        .flatMap(a -> a.appliedDesiredStateHash())
                        .isPresent());
    }

    private static void assertDesiredState(SsmClient ssm) {
        List<PatchBaselineIdentity> baselines = ssm
                .describePatchBaselinesPaginator(
                        r -> r.filters(f -> f.key("OWNER").values("Self")))
                .baselineIdentities()
                .stream()
                .toList();
        Map<String, PatchBaselineIdentity> byName = new HashMap<>();
        baselines.forEach(b -> byName.put(b.baselineName(), b));
        assertThat(baselines).hasSize(24);
        for (String os : OS_SLUGS) {
            for (String group : GROUPS) {
                PatchBaselineIdentity identity = byName.get("crosspatch-" + os + "-" + group);
                assertThat(identity).as(os + "/" + group).isNotNull();
                GetPatchBaselineResponse baseline = ssm.getPatchBaseline(r -> r.baselineId(identity.baselineId()));
                assertThat(baseline.patchGroups()).containsExactly(group);
                boolean noReleaseDates = os.equals("ubuntu") || os.equals("debian");
                for (PatchRule rule : baseline.approvalRules().patchRules()) {
                    assertThat(rule.approveAfterDays())
                            .as(os + "/" + group)
                            .isEqualTo(noReleaseDates ? null : DELAYS.get(group));
                    assertThat(rule.patchFilterGroup().patchFilters()).isNotEmpty();
                }
                String filterKey = os.equals("windows") ? "MSRC_SEVERITY" : noReleaseDates ? "PRIORITY" : "SEVERITY";
                assertThat(baseline.approvalRules()
                                .patchRules()
                                .get(0)
                                .patchFilterGroup()
                                .patchFilters())
                        .anySatisfy(filter -> assertThat(filter.keyAsString()).isEqualTo(filterKey));
            }
        }
        List<MaintenanceWindowIdentity> windows =
                ssm.describeMaintenanceWindows(r -> r.maxResults(100)).windowIdentities();
        assertThat(windows)
                .extracting(MaintenanceWindowIdentity::name)
                .containsExactlyInAnyOrder(
                        "crosspatch-install-early", "crosspatch-install-on-time", "crosspatch-install-late");
        Map<String, String> schedules = Map.of(
                "early", "cron(0 2 ? * TUE#2 *)", "on-time", "cron(0 2 ? * TUE#3 *)", "late", "cron(0 2 ? * TUE#4 *)");
        for (MaintenanceWindowIdentity window : windows) {
            String group = window.name().substring("crosspatch-install-".length());
            assertThat(window.schedule()).isEqualTo(schedules.get(group));
            var targets = ssm.describeMaintenanceWindowTargets(r -> r.windowId(window.windowId()))
                    .targets();
            assertThat(targets).hasSize(1);
            assertThat(targets.get(0).targets().get(0).key()).isEqualTo("tag:Patch Group");
            assertThat(targets.get(0).targets().get(0).values()).containsExactly(group);
            List<MaintenanceWindowTask> tasks = ssm.describeMaintenanceWindowTasks(r -> r.windowId(window.windowId()))
                    .tasks();
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).taskArn()).isEqualTo("AWS-RunPatchBaseline");
            assertThat(tasks.get(0).maxConcurrency()).isEqualTo("10%");
            assertThat(tasks.get(0).maxErrors()).isEqualTo("5%");
            var parameters = ssm.getMaintenanceWindowTask(r -> r.windowId(window.windowId())
                            .windowTaskId(tasks.get(0).windowTaskId()))
                    .taskInvocationParameters()
                    .runCommand()
                    .parameters();
            assertThat(parameters)
                    .containsEntry("Operation", List.of("Install"))
                    .containsEntry("RebootOption", List.of("RebootIfNeeded"));
        }
        var associations = ssm.listAssociations(r -> r.maxResults(50)).associations();
        assertThat(associations)
                .extracting(a -> a.associationName())
                .containsExactlyInAnyOrder("crosspatch-scan", "crosspatch-inventory", "crosspatch-agent-update");
        for (var association : associations) {
            AssociationDescription description = ssm.describeAssociation(
                            r -> r.associationId(association.associationId()))
                    .associationDescription();
            if (association.associationName().equals("crosspatch-scan")) {
                assertThat(description.name()).isEqualTo("AWS-RunPatchBaseline");
                assertThat(description.parameters()).containsEntry("Operation", List.of("Scan"));
                assertThat(description.targets().get(0).values()).containsExactly("early", "on-time", "late");
            } else if (association.associationName().equals("crosspatch-agent-update")) {
                assertThat(description.name()).isEqualTo("AWS-UpdateSSMAgent");
                assertThat(description.scheduleExpression()).isEqualTo("cron(0 6 ? * TUE#4 *)");
                assertThat(description.targets().get(0).values()).containsExactly("*");
            } else {
                assertThat(description.name()).isEqualTo("AWS-GatherSoftwareInventory");
                assertThat(description.targets().get(0).key()).isEqualTo("InstanceIds");
            }
        }
    }
}
