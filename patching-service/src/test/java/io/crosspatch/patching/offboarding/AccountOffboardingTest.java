package io.crosspatch.patching.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.events.AccountOffboarded;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.AccountReleased;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.Provider;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Calls;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.activationcode.ActivationCodeCipher;
import io.crosspatch.servicekit.testing.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Offboarding against the simulator: after {@code account.offboarded} the system account holds no node, activation,
 * maintenance window, baseline, patch-group registration or association of ours, {@code account.released} is
 * published once even when the event comes twice, and an enrollment still in flight fails with ACCOUNT_OFFBOARDED.
 */
class AccountOffboardingTest extends PatchingIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ActivationCodeCipher cipher;

    @Autowired
    private KnownAccounts accounts;

    @Test
    void emptiesTheSystemAccountAndReleasesItOnceUnderDuplicates() throws Exception {
        // given a configured system account with a registered node and an activation nobody used
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        String key = Fixtures.cloudAccountKey(account);
        AccountReady registered = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
        InstanceActivated issued = publishAndAwaitIssued(key, registered);
        publishAndAwaitIssued(key, Fixtures.accountReady(account, OperatingSystem.WINDOWS, "late"));
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            test.registerAgent(
                    issued.getActivation().getActivationId(),
                    cipher.decrypt(issued.getActivation().getEncryptedActivationCode()),
                    registered.getIdentity().getHostname(),
                    Fixtures.platform(OperatingSystem.UBUNTU));
            assertThat(test.ssm().describeMaintenanceWindows().windowIdentities())
                    .isNotEmpty();
            assertThat(test.ssm().describeInstanceInformation().instanceInformationList())
                    .hasSize(1);
        }

        // when the cloud account is offboarded, and the event comes twice
        kafka.send(Topics.ACCOUNT_OFFBOARDED.name(), key, offboarded(account)).get();
        kafka.send(Topics.ACCOUNT_OFFBOARDED.name(), key, offboarded(account)).get();

        // then the account is released once, empty of everything of ours
        AccountReleased released = EventLog.await(
                        Topics.ACCOUNT_RELEASED.name(), key, AccountReleased.class, e -> true, 1)
                .get(0);
        assertThat(released.getSystemAccountId()).isEqualTo(account.getAccountId());
        assertThat(released.getTenantId()).isEqualTo("acme");
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            assertEmpty(test.ssm());
        }
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> EventLog.all(Topics.ACCOUNT_RELEASED.name(), key, AccountReleased.class)
                                .size()
                        == 1);
        assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "DeregisterManagedInstance"))
                .isEqualTo(1);
        assertThat(accounts.find(account.getAccountId())).isEmpty();

        // and an enrollment still in flight gets no activation but ACCOUNT_OFFBOARDED
        long activations = Calls.ssm(SIMULATOR, account.getAccountId(), "CreateActivation");
        AccountReady late = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
        kafka.send(Topics.ACCOUNT_READY.name(), key, late).get();
        EnrollmentFailed failed = EventLog.await(
                        Topics.ENROLLMENT_FAILED.name(), late.getEnrollmentId(), EnrollmentFailed.class, e -> true, 1)
                .get(0);
        assertThat(failed.getReasonCode()).isEqualTo("ACCOUNT_OFFBOARDED");
        assertThat(failed.getRetryable()).isFalse();
        assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "CreateActivation"))
                .isEqualTo(activations);
    }

    private static void assertEmpty(SsmClient ssm) {
        assertThat(ssm.describeInstanceInformation().instanceInformationList()).isEmpty();
        assertThat(ssm.describeActivations().activationList()).isEmpty();
        assertThat(ssm.describeMaintenanceWindows().windowIdentities()).isEmpty();
        assertThat(ssm.describePatchBaselines(r -> r.filters(f -> f.key("OWNER").values("Self")))
                        .baselineIdentities())
                .isEmpty();
        assertThat(ssm.describePatchGroups().mappings()).isEmpty();
        assertThat(ssm.listAssociations().associations()).isEmpty();
    }

    private InstanceActivated publishAndAwaitIssued(String key, AccountReady ready) throws Exception {
        kafka.send(Topics.ACCOUNT_READY.name(), key, ready).get();
        return EventLog.await(
                        Topics.INSTANCE_ACTIVATED.name(),
                        key,
                        InstanceActivated.class,
                        e -> e.getEnrollmentId().equals(ready.getEnrollmentId())
                                && e.getStage() == ActivationStage.ACTIVATION_ISSUED,
                        1)
                .get(0);
    }

    private static AccountOffboarded offboarded(SystemAccount account) {
        return AccountOffboarded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setTenantId("acme")
                .setProvider(Provider.GCP)
                .setCloudAccountId(Fixtures.cloudAccountId(account))
                .setRequestedBy("ops")
                .setOffboardedAt(Instant.parse("2026-12-07T20:00:00Z"))
                .setTenantOffboarded(false)
                .build();
    }
}
