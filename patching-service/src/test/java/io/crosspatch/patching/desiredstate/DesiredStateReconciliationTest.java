package io.crosspatch.patching.desiredstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.events.AccountConfigured;
import io.crosspatch.events.ConfigurationReason;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.desiredstate.application.AccountConfigurer;
import io.crosspatch.patching.desiredstate.application.AccountReconciler;
import io.crosspatch.patching.desiredstate.application.ConfigurationEvents;
import io.crosspatch.patching.desiredstate.application.DesiredStateProperties;
import io.crosspatch.patching.desiredstate.application.DesiredStateReconciliation;
import io.crosspatch.patching.desiredstate.application.ReconcileProperties;
import io.crosspatch.patching.desiredstate.domain.AppliedChanges;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Calls;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.application.NodeStates;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.patching.systemaccount.persistence.SystemAccountRepository;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import io.crosspatch.servicekit.testing.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.PatchBaselineIdentity;

/**
 * The scheduled reconcile against the simulator, with no enrollment after the first: a changed policy reaches the
 * account within one (shortened) interval and is published with its new version; a baseline deleted and a window
 * edited in the account are repaired under an unchanged policy; a pass over an untouched account makes only its 42
 * documented reads and publishes nothing; and the agent-update association brings every Online node to the latest
 * SSM Agent.
 */
class DesiredStateReconciliationTest extends PatchingIntegrationTest {

    private static final Duration INTERVAL = Duration.ofSeconds(3);

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private DesiredStateReconciliation reconciliation;

    @Autowired
    private AccountConfigurer configurer;

    @Autowired
    private DesiredState desiredState;

    @Autowired
    private DesiredStateProperties desiredStateProperties;

    @Autowired
    private AccountReconciler reconciler;

    @Autowired
    private SystemAccountRepository accounts;

    @Autowired
    private NodeStates nodes;

    @Autowired
    private ConfigurationEvents events;

    @Autowired
    private OwnedAccounts owned;

    @Autowired
    private NamedExecutors executors;

    @Autowired
    private Clock clock;

    @Test
    void aChangedPolicyReachesAnAccountWithoutANewEnrollmentWithinOneInterval() throws Exception {
        // given an account configured by its first enrollment, and nothing enrolling since
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        enroll(account);

        // when the policy changes (on-time approves after 5 days, not 7; early installs on the 1st Tuesday) and the
        // service's scheduled pass runs with it
        DesiredState changed = changedPolicy();
        DesiredStateReconciliation restarted = new DesiredStateReconciliation(
                owned,
                accounts,
                new AccountConfigurer(changed, reconciler, accounts, accounts, nodes, events, clock),
                new ReconcileProperties(INTERVAL),
                executors);
        long started = System.nanoTime();
        List<AppliedChanges> changes = restarted.reconcileAll(ownedOnly(account), INTERVAL);

        // then within the interval the account holds the new policy
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(INTERVAL);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.baselines()).isEqualTo(6);
            assertThat(c.windows()).isEqualTo(1);
        });
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            SsmClient ssm = test.ssm();
            assertThat(approveAfterDays(ssm, "crosspatch-rhel-on-time")).containsOnly(5);
            assertThat(approveAfterDays(ssm, "crosspatch-rhel-late")).containsOnly(14);
            assertThat(ssm.describeMaintenanceWindows(
                                    r -> r.filters(f -> f.key("Name").values("crosspatch-install-early")))
                            .windowIdentities()
                            .get(0)
                            .schedule())
                    .isEqualTo("cron(0 2 ? * TUE#1 *)");
        }
        // and account.configured says which version it now runs, and why
        AccountConfigured configured = awaitConfigured(account, ConfigurationReason.POLICY_CHANGED);
        assertThat(configured.getPolicyVersion().toString())
                .isEqualTo(changed.version().label())
                .isNotEqualTo(desiredState.version().label())
                .startsWith("standard-");
        assertThat(configured.getTenantId().toString()).isEqualTo("tenant-" + account.getAccountId());
        assertThat(configured.getChanges().getBaselines()).isEqualTo(6);
        assertThat(configured.getAgentUpdateSchedule().toString()).isEqualTo("cron(0 6 ? * TUE#4 *)");
    }

    @Test
    void aDeletedBaselineAndAnEditedWindowAreRepairedUnderAnUnchangedPolicy() throws Exception {
        // given a configured account in which someone deletes a baseline and moves a window
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        enroll(account);
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            SsmClient ssm = test.ssm();
            String baselineId = baseline(ssm, "crosspatch-rhel-late").baselineId();
            ssm.deregisterPatchBaselineForPatchGroup(
                    r -> r.baselineId(baselineId).patchGroup("late"));
            ssm.deletePatchBaseline(r -> r.baselineId(baselineId));
            String windowId = ssm.describeMaintenanceWindows(
                            r -> r.filters(f -> f.key("Name").values("crosspatch-install-late")))
                    .windowIdentities()
                    .get(0)
                    .windowId();
            ssm.updateMaintenanceWindow(r -> r.windowId(windowId).schedule("cron(0 12 ? * FRI#1 *)"));

            // when the scheduled pass runs
            List<AppliedChanges> changes = reconciliation.reconcileAll(ownedOnly(account), INTERVAL);

            // then the baseline is back, registered to its group, and the window runs when it should
            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.baselines()).isEqualTo(2);
                assertThat(c.windows()).isEqualTo(1);
                assertThat(c.associations()).isZero();
            });
            PatchBaselineIdentity recreated = baseline(ssm, "crosspatch-rhel-late");
            assertThat(recreated.baselineId()).isNotEqualTo(baselineId);
            assertThat(ssm.getPatchBaseline(r -> r.baselineId(recreated.baselineId()))
                            .patchGroups())
                    .containsExactly("late");
            assertThat(approveAfterDays(ssm, "crosspatch-rhel-late")).containsOnly(14);
            assertThat(ssm.getMaintenanceWindow(r -> r.windowId(windowId)).schedule())
                    .isEqualTo("cron(0 2 ? * TUE#4 *)");
        }
        // and the repair is published with the version the account already ran
        AccountConfigured configured = awaitConfigured(account, ConfigurationReason.DRIFT_REPAIRED);
        assertThat(configured.getPolicyVersion().toString())
                .isEqualTo(desiredState.version().label());
        assertThat(configured.getChanges().getBaselines()).isEqualTo(2);
    }

    @Test
    void aPassOverAnUntouchedAccountMakesOnlyItsFortyTwoReadsAndPublishesNothing() throws Exception {
        // given a configured account nobody touched
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        enroll(account);
        awaitConfigured(account, ConfigurationReason.FIRST_APPLIED);
        Map<String, Long> mutating = Calls.mutating(SIMULATOR, account.getAccountId());
        long calls = Calls.allSsm(SIMULATOR, account.getAccountId());
        int published = configuredEvents(account).size();

        // when the scheduled pass runs
        List<AppliedChanges> changes = reconciliation.reconcileAll(ownedOnly(account), INTERVAL);

        // then it read the account (42 calls: see SsmReconciler), changed nothing and published nothing
        assertThat(changes).isEmpty();
        assertThat(Calls.mutating(SIMULATOR, account.getAccountId())).isEqualTo(mutating);
        assertThat(Calls.allSsm(SIMULATOR, account.getAccountId()) - calls).isEqualTo(42);
        assertThat(configuredEvents(account)).hasSize(published);
    }

    @Test
    void theAgentUpdateAssociationBringsEveryOnlineNodeToTheLatestAgent() throws Exception {
        // given an account whose nodes run a mix of agent versions, some out of date
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            SsmClient ssm = test.ssm();
            var activation = ssm.createActivation(r -> r.iamRole(Fixtures.SERVICE_ROLE)
                    .registrationLimit(12)
                    .tags(t -> t.key("Patch Group").value("late")));
            List<String> registered = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                registered.add(test.registerAgent(
                        activation.activationId(),
                        activation.activationCode(),
                        "agent-update-" + i,
                        Fixtures.platform(OperatingSystem.UBUNTU)));
            }
            assertThat(agents(ssm, registered))
                    .extracting(InstanceInformation::isLatestVersion)
                    .contains(false);

            // when the account is configured, which creates the agent-update association, and it runs
            KnownAccount known = accounts.remember(
                    new SystemAccountRef(
                            account.getAccountId(),
                            account.getRegion(),
                            account.getRoleArn(),
                            account.getSsmServiceRoleName()),
                    CloudAccountKey.parse(Fixtures.cloudAccountKey(account)),
                    "tenant-" + account.getAccountId(),
                    Set.of());
            configurer.reconcile(known);
            assertThat(ssm.listAssociations(r -> r.associationFilterList(
                                    f -> f.key("AssociationName").value(DesiredState.AGENT_UPDATE_ASSOCIATION)))
                            .associations())
                    .singleElement()
                    .satisfies(a -> assertThat(a.name()).isEqualTo("AWS-UpdateSSMAgent"));
            SIMULATOR.clock().advance(Duration.ofSeconds(1));

            // then every node reports the latest agent: pending agent updates are none
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(agents(ssm, registered))
                            .extracting(InstanceInformation::isLatestVersion)
                            .containsOnly(true));
        }
    }

    private void enroll(SystemAccount account) throws Exception {
        var ready = Fixtures.accountReady(account, OperatingSystem.REDHAT_ENTERPRISE_LINUX, "early");
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
                        .flatMap(KnownAccount::appliedDesiredStateHash)
                        .isPresent());
    }

    /** The account as the scheduled pass sees it: among the accounts this instance owns. */
    private List<KnownAccount> ownedOnly(SystemAccount account) {
        List<KnownAccount> ofAccount = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ofAccount.clear();
            owned.list().stream()
                    .filter(a -> a.account().accountId().equals(account.getAccountId()))
                    .forEach(ofAccount::add);
            return !ofAccount.isEmpty();
        });
        return ofAccount;
    }

    private DesiredState changedPolicy() {
        DesiredStateProperties p = desiredStateProperties;
        List<DesiredStateProperties.Group> groups = p.groups().stream()
                .map(g -> switch (g.name()) {
                    case "on-time" ->
                        new DesiredStateProperties.Group(g.name(), 5, g.installSchedule(), g.scheduleOffset());
                    case "early" ->
                        new DesiredStateProperties.Group(
                                g.name(), g.delayDays(), "cron(0 2 ? * TUE#1 *)", g.scheduleOffset());
                    default -> g;
                })
                .toList();
        return new DesiredStateProperties(
                        p.approvalRules(),
                        groups,
                        p.customGroupTemplate(),
                        p.window(),
                        p.scanSchedule(),
                        p.inventorySchedule(),
                        p.policyName(),
                        p.agentUpdateSchedule())
                .toDesiredState();
    }

    private static AccountConfigured awaitConfigured(SystemAccount account, ConfigurationReason reason) {
        return EventLog.await(
                        Topics.ACCOUNT_CONFIGURED.name(),
                        Fixtures.cloudAccountKey(account),
                        AccountConfigured.class,
                        e -> e.getReason() == reason,
                        1)
                .get(0);
    }

    private static List<AccountConfigured> configuredEvents(SystemAccount account) {
        return EventLog.all(
                Topics.ACCOUNT_CONFIGURED.name(), Fixtures.cloudAccountKey(account), AccountConfigured.class);
    }

    private static PatchBaselineIdentity baseline(SsmClient ssm, String name) {
        return ssm
                .describePatchBaselines(r -> r.filters(f -> f.key("NAME_PREFIX").values(name)))
                .baselineIdentities()
                .stream()
                .filter(b -> b.baselineName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<Integer> approveAfterDays(SsmClient ssm, String baselineName) {
        String id = baseline(ssm, baselineName).baselineId();
        return ssm.getPatchBaseline(r -> r.baselineId(id)).approvalRules().patchRules().stream()
                .map(rule -> rule.approveAfterDays())
                .toList();
    }

    private static List<InstanceInformation> agents(SsmClient ssm, List<String> instanceIds) {
        return ssm
                .describeInstanceInformationPaginator(
                        r -> r.filters(f -> f.key("InstanceIds").values(instanceIds)))
                .instanceInformationList()
                .stream()
                .toList();
    }
}
