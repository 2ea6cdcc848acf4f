package io.crosspatch.patching.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.InstanceRetired;
import io.crosspatch.events.InstanceRetirementRequested;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.RetirementReason;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.compliance.application.ComplianceCollector;
import io.crosspatch.patching.registration.application.RegistrationWatcher;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.activationcode.ActivationCodeCipher;
import io.crosspatch.servicekit.testing.EventLog;
import io.crosspatch.simulator.client.SimulatorControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Instances retire against the simulator's SSM, Cassandra and Kafka: a node whose VM was deleted turns
 * ConnectionLost and is retired once its tenant's age has passed (deregistered, its activation deleted, one
 * {@code instance.retired}), while nodes still within their age stay; an admin's request retires exactly once
 * however often it arrives; an activation that expires unused leaves no instance behind.
 */
class RetirementTest extends PatchingIntegrationTest {

    /** A tenant that gives up on lost nodes after an hour (the others keep the 30-day default). */
    static final String QUICK = PatchingIntegrationTest.QUICK_RETIRING_TENANT;

    private final SimulatorControl control = new SimulatorControl(SIMULATOR.endpoint());

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ActivationCodeCipher cipher;

    @Autowired
    private RegistrationWatcher watcher;

    @Autowired
    private ComplianceCollector collector;

    @Test
    void retiresANodeConnectionLostLongerThanItsTenantsAgeAndKeepsTheOthers() throws Exception {
        // given three registered nodes: one on a VM about to be deleted, one lost in a tenant with the default age,
        // and one online, all of them reported once
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        SystemAccountRef ref = ref(account);
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            String vmId = control.createVm(SimulatorControl.object()
                            .put("provider", "gcp")
                            .put("accountId", Fixtures.cloudAccountId(account))
                            .put("instanceName", "doomed"))
                    .get("vmId")
                    .asText();
            AccountReady doomed = inTenant(Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early"), QUICK);
            AccountReady lost = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
            AccountReady online = inTenant(Fixtures.accountReady(account, OperatingSystem.UBUNTU, "late"), QUICK);
            InstanceActivated doomedIssued = issue(account, doomed);
            String doomedNode = test.registerAgentOn(
                    vmId,
                    doomedIssued.getActivation().getActivationId(),
                    cipher.decrypt(doomedIssued.getActivation().getEncryptedActivationCode()),
                    "doomed",
                    Fixtures.platform(OperatingSystem.UBUNTU));
            String lostNode = register(test, account, lost);
            String onlineNode = register(test, account, online);
            assertThat(watcher.watch(ref)).isEqualTo(3);
            assertThat(collector.collect(ref)).isEqualTo(3);

            // when the VM is deleted, another node loses its connection, and two hours pass
            control.deleteVm(vmId);
            control.setNodeStatus(lostNode, SimulatorControl.NodeStatus.CONNECTION_LOST);
            SIMULATOR.clock().advance(Duration.ofHours(2));
            collector.collect(ref);

            // then exactly the deleted VM's node is retired: one event, deregistered, its activation deleted
            List<InstanceRetired> retired = retirements(account);
            assertThat(retired).singleElement().satisfies(event -> {
                assertThat(event.getInstanceId()).isEqualTo(doomed.getIdentity().getInstanceId());
                assertThat(event.getReason()).isEqualTo(RetirementReason.CONNECTION_LOST);
                assertThat(event.getManagedInstanceId()).isEqualTo(doomedNode);
                assertThat(event.getEnrollmentId()).isEqualTo(doomed.getEnrollmentId());
                assertThat(event.getTenantId()).isEqualTo(QUICK);
                assertThat(event.getSystemAccountId()).isEqualTo(account.getAccountId());
                assertThat(event.getRequestedBy()).isNull();
            });
            assertThat(nodeIds(account)).doesNotContain(doomedNode).contains(lostNode, onlineNode);
            assertThat(activationIds(account))
                    .doesNotContain(doomedIssued.getActivation().getActivationId());

            // and the next sweep neither retires it again nor reports it
            Instant before = SIMULATOR.clock().instant();
            collector.collect(ref);
            assertThat(retirements(account)).hasSize(1);
            assertThat(
                            EventLog.all(
                                            Topics.PATCH_RESULTS.name(),
                                            Fixtures.cloudAccountKey(account),
                                            PatchResult.class)
                                    .stream()
                                    .filter(result ->
                                            result.getManagedInstanceId().equals(doomedNode))
                                    .filter(result -> !result.getOccurredAt().isBefore(before)))
                    .isEmpty();
            assertThat(SIMULATOR.calls().count(account.getAccountId(), "ssm", "DeregisterManagedInstance"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aRequestedRetirementHappensOnceHoweverOftenItArrives() throws Exception {
        // given two registered instances
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        SystemAccountRef ref = ref(account);
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            AccountReady first = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
            AccountReady second = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
            String firstNode = register(test, account, first);
            String secondNode = register(test, account, second);
            assertThat(watcher.watch(ref)).isEqualTo(2);

            // when an admin's request for the first arrives twice, and then one for the second
            InstanceRetirementRequested request = request(account, first, "admin@acme");
            send(request);
            send(request);
            send(request(account, second, "admin@acme"));

            // then each is retired once: one event and one deregistration each, the first naming its request
            List<InstanceRetired> retired = EventLog.await(
                    Topics.INSTANCE_RETIRED.name(),
                    Fixtures.cloudAccountKey(account),
                    InstanceRetired.class,
                    event -> event.getManagedInstanceId() != null
                            && event.getManagedInstanceId().equals(secondNode),
                    1);
            assertThat(retired).isNotEmpty();
            List<InstanceRetired> all = retirements(account);
            assertThat(all).hasSize(2);
            assertThat(all.get(0)).satisfies(event -> {
                assertThat(event.getManagedInstanceId()).isEqualTo(firstNode);
                assertThat(event.getReason()).isEqualTo(RetirementReason.REQUESTED);
                assertThat(event.getRequestedBy()).isEqualTo("admin@acme");
                assertThat(event.getRequestId()).isEqualTo(request.getRequestId());
            });
            assertThat(SIMULATOR.calls().count(account.getAccountId(), "ssm", "DeregisterManagedInstance"))
                    .isEqualTo(2);
            assertThat(nodeIds(account)).doesNotContain(firstNode, secondNode);
        }
    }

    @Test
    void anActivationThatExpiresUnusedLeavesNoInstanceBehind() throws Exception {
        // given an enrollment whose VM never registers
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        AccountReady ready = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
        InstanceActivated issued = issue(account, ready);

        // when its activation expires and the audit runs
        SIMULATOR.clock().advance(Duration.ofHours(2));
        watcher.audit(ref(account));

        // then the instance is retired as ACTIVATION_EXPIRED, with no node, and its activation is gone
        assertThat(retirements(account)).singleElement().satisfies(event -> {
            assertThat(event.getInstanceId()).isEqualTo(ready.getIdentity().getInstanceId());
            assertThat(event.getReason()).isEqualTo(RetirementReason.ACTIVATION_EXPIRED);
            assertThat(event.getManagedInstanceId()).isNull();
            assertThat(event.getEnrollmentId()).isEqualTo(ready.getEnrollmentId());
        });
        assertThat(activationIds(account)).doesNotContain(issued.getActivation().getActivationId());

        // and a second audit retires nothing more
        watcher.audit(ref(account));
        assertThat(retirements(account)).hasSize(1);
    }

    private void send(InstanceRetirementRequested request) throws Exception {
        kafka.send(
                        Topics.INSTANCE_RETIREMENT_REQUESTED.name(),
                        new CloudAccountKey(Providers.fromAvro(request.getProvider()), request.getCloudAccountId())
                                .toString(),
                        request)
                .get();
    }

    private static InstanceRetirementRequested request(SystemAccount account, AccountReady ready, String who) {
        VerifiedIdentity identity = ready.getIdentity();
        return InstanceRetirementRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setRequestId(UUID.randomUUID().toString())
                .setRequestedBy(who)
                .setTenantId(identity.getTenantId())
                .setProvider(identity.getProvider())
                .setCloudAccountId(Fixtures.cloudAccountId(account))
                .setInstanceId(identity.getInstanceId())
                .build();
    }

    private static AccountReady inTenant(AccountReady ready, String tenantId) {
        return AccountReady.newBuilder(ready)
                .setIdentity(VerifiedIdentity.newBuilder(ready.getIdentity())
                        .setTenantId(tenantId)
                        .build())
                .build();
    }

    private InstanceActivated issue(SystemAccount account, AccountReady ready) throws Exception {
        kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(account), ready)
                .get();
        return EventLog.await(
                        Topics.INSTANCE_ACTIVATED.name(),
                        Fixtures.cloudAccountKey(account),
                        InstanceActivated.class,
                        e -> e.getEnrollmentId().equals(ready.getEnrollmentId())
                                && e.getStage() == ActivationStage.ACTIVATION_ISSUED,
                        1)
                .get(0);
    }

    private String register(AccountSsm test, SystemAccount account, AccountReady ready) throws Exception {
        InstanceActivated issued = issue(account, ready);
        return test.registerAgent(
                issued.getActivation().getActivationId(),
                cipher.decrypt(issued.getActivation().getEncryptedActivationCode()),
                ready.getIdentity().getHostname(),
                Fixtures.platform(OperatingSystem.UBUNTU));
    }

    private static List<InstanceRetired> retirements(SystemAccount account) {
        return EventLog.all(Topics.INSTANCE_RETIRED.name(), Fixtures.cloudAccountKey(account), InstanceRetired.class);
    }

    private List<String> nodeIds(SystemAccount account) {
        return ids(control.nodes(account.getAccountId(), Fixtures.REGION), "instanceId");
    }

    private List<String> activationIds(SystemAccount account) {
        return ids(control.activations(account.getAccountId(), Fixtures.REGION), "activationId");
    }

    private static List<String> ids(JsonNode list, String member) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(item -> item.get(member).asText())
                .toList();
    }

    private static SystemAccountRef ref(SystemAccount account) {
        return new SystemAccountRef(
                account.getAccountId(), account.getRegion(), account.getRoleArn(), account.getSsmServiceRoleName());
    }
}
