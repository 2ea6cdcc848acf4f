package io.crosspatch.patching.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.patching.registration.application.RegistrationWatcher;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Calls;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.activationcode.ActivationCodeCipher;
import io.crosspatch.servicekit.testing.EventLog;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.simulator.ssm.SsmRegionState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A managed node's life beyond its first registration, against Kafka, Cassandra and the simulator: a re-enrolled VM's
 * new node replaces its old one (deregistered, its activation deleted, named in REGISTERED), and an account that
 * would outgrow SSM's standard-tier node quota (5 in these tests, switched at 80 %) is switched to the
 * advanced-instances tier before a registration is refused.
 */
class NodeLifecycleTest extends PatchingIntegrationTest {

    private final SimulatorControl control = new SimulatorControl(SIMULATOR.endpoint());

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ActivationCodeCipher cipher;

    @Autowired
    private RegistrationWatcher watcher;

    @Test
    void aReEnrolledVmsNewNodeReplacesItsOldNodeInSsm() throws Exception {
        // given a VM enrolled and registered as a managed node
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        AccountReady first = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            InstanceActivated firstIssued = publishAndAwaitIssued(account, first);
            String oldNode = register(test, first, firstIssued);
            watcher.watch(ref(account));

            // when the same VM enrolls again (its claim released) and its agent registers with the new activation
            AccountReady again = AccountReady.newBuilder(first)
                    .setEventId(UUID.randomUUID())
                    .setEnrollmentId(UUID.randomUUID().toString())
                    .build();
            String newNode = register(test, again, publishAndAwaitIssued(account, again));
            watcher.watch(ref(account));
            watcher.watch(ref(account));

            // then SSM holds only the new node, the old node's activation is gone, and it was deregistered once
            JsonNode nodes = control.nodes(account.getAccountId(), Fixtures.REGION);
            assertThat(StreamSupport.stream(nodes.spliterator(), false)
                            .map(node -> node.get("instanceId").asText()))
                    .containsExactly(newNode);
            assertThat(StreamSupport.stream(
                                    control.activations(account.getAccountId(), Fixtures.REGION)
                                            .spliterator(),
                                    false)
                            .map(activation -> activation.get("activationId").asText()))
                    .doesNotContain(firstIssued.getActivation().getActivationId());
            assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "DeregisterManagedInstance"))
                    .isEqualTo(1);
            // and one REGISTERED reports the new node as replacing the old one
            List<InstanceActivated> registered = EventLog.await(
                    Topics.INSTANCE_ACTIVATED.name(),
                    Fixtures.cloudAccountKey(account),
                    InstanceActivated.class,
                    e -> e.getStage() == ActivationStage.REGISTERED
                            && e.getEnrollmentId().equals(again.getEnrollmentId()),
                    1);
            assertThat(registered).singleElement().satisfies(event -> {
                assertThat(event.getRegistration().getManagedInstanceId()).isEqualTo(newNode);
                assertThat(event.getRegistration().getReplacesManagedInstanceId())
                        .isEqualTo(oldNode);
            });
        }
    }

    @Test
    void anAccountNearingTheStandardTierQuotaIsSwitchedToAdvancedAndEveryNodeRegisters() throws Exception {
        // given SSM's standard tier holding 5 nodes per account and region
        control.standardTierNodeQuota(5);
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            // when six VMs of one account enroll and register, one after the other
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                AccountReady ready = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
                nodes.add(register(test, ready, publishAndAwaitIssued(account, ready)));
            }

            // then the account was switched to the advanced tier once, and all six are registered
            assertThat(test.ssm()
                            .getServiceSetting(r -> r.settingId("/ssm/managed-instance/activation-tier"))
                            .serviceSetting()
                            .settingValue())
                    .isEqualTo("advanced");
            assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "UpdateServiceSetting"))
                    .isEqualTo(1);
            assertThat(control.nodes(account.getAccountId(), Fixtures.REGION)).hasSize(6);
            assertThat(StreamSupport.stream(control.ssmTiers().get("accounts").spliterator(), false)
                            .filter(tier -> tier.get("accountId").asText().equals(account.getAccountId()))
                            .map(tier -> tier.get("tier").asText()))
                    .containsExactly("advanced");
        } finally {
            control.standardTierNodeQuota(SsmRegionState.HYBRID_NODE_QUOTA);
        }
    }

    private String register(AccountSsm test, AccountReady ready, InstanceActivated issued) throws Exception {
        return test.registerAgent(
                issued.getActivation().getActivationId(),
                cipher.decrypt(issued.getActivation().getEncryptedActivationCode()),
                ready.getIdentity().getHostname(),
                Fixtures.platform(OperatingSystem.UBUNTU));
    }

    private InstanceActivated publishAndAwaitIssued(SystemAccount account, AccountReady ready) throws Exception {
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

    private static SystemAccountRef ref(SystemAccount account) {
        return new SystemAccountRef(
                account.getAccountId(), account.getRegion(), account.getRoleArn(), account.getSsmServiceRoleName());
    }
}
