package io.crosspatch.patching.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import software.amazon.awssdk.services.ssm.model.Activation;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;

/**
 * Activations end to end: account.ready → an activation in the system account → ACTIVATION_ISSUED with the code
 * encrypted → a simulated agent registers with it → REGISTERED with the tags; strangers are deregistered, unused
 * activations expire into enrollment.failed, duplicates and a consumer restart issue nothing twice, and the code
 * never appears in plain text on Kafka or in the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class EnrollmentActivationTest extends PatchingIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ActivationCodeCipher cipher;

    @Autowired
    private RegistrationWatcher watcher;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void issuesAnEncryptedPerInstanceActivationAndReportsTheNodeThatRegistersWithIt(CapturedOutput output)
            throws Exception {
        // given a ready enrollment of an Ubuntu VM in the early group
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        AccountReady ready = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");

        // when it is published
        InstanceActivated issued = publishAndAwaitIssued(account, ready);

        // then the event carries the activation, its code encrypted as a dir/A256GCM JWE under the current key
        assertThat(issued.getStage()).isEqualTo(ActivationStage.ACTIVATION_ISSUED);
        JWEObject jwe = JWEObject.parse(issued.getActivation().getEncryptedActivationCode());
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.DIR);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwe.getHeader().getKeyID())
                .isEqualTo("k1")
                .isEqualTo(issued.getActivation().getEncryptionKeyId());
        String code = cipher.decrypt(issued.getActivation().getEncryptedActivationCode());
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            // and the activation is good for one registration, for at most the configured hour, with the identity tags
            Activation activation = test.ssm()
                    .describeActivations(r -> r.filters(f -> f.filterKey("ActivationIds")
                            .filterValues(issued.getActivation().getActivationId())))
                    .activationList()
                    .get(0);
            assertThat(activation.registrationLimit()).isEqualTo(1);
            assertThat(activation.defaultInstanceName())
                    .isEqualTo(ready.getIdentity().getHostname());
            assertThat(activation.expirationDate())
                    .isBeforeOrEqualTo(SIMULATOR.clock().instant().plus(Duration.ofHours(1)));
            assertThat(activation.tags()).anySatisfy(tag -> {
                assertThat(tag.key()).isEqualTo("Patch Group");
                assertThat(tag.value()).isEqualTo("early");
            });

            // when the VM's agent registers with the decrypted code and the watcher sweeps
            String nodeId = test.registerAgent(
                    issued.getActivation().getActivationId(),
                    code,
                    ready.getIdentity().getHostname(),
                    Fixtures.platform(OperatingSystem.UBUNTU));
            int registered = watcher.watch(ref(account));

            // then REGISTERED names the node and the tags it carries
            assertThat(registered).isEqualTo(1);
            InstanceActivated registration = EventLog.await(
                            Topics.INSTANCE_ACTIVATED.name(),
                            Fixtures.cloudAccountKey(account),
                            InstanceActivated.class,
                            e -> e.getStage() == ActivationStage.REGISTERED
                                    && e.getEnrollmentId().equals(ready.getEnrollmentId()),
                            1)
                    .get(0);
            assertThat(registration.getRegistration().getManagedInstanceId()).isEqualTo(nodeId);
            assertThat(registration.getRegistration().getTags())
                    .containsEntry("Patch Group", "early")
                    .containsEntry("crosspatch:enrollment", ready.getEnrollmentId())
                    .containsEntry("crosspatch:tenant", ready.getIdentity().getTenantId())
                    .containsEntry("crosspatch:instance", ready.getIdentity().getInstanceId());
            assertThat(test.ssm()
                            .listTagsForResource(
                                    r -> r.resourceType("ManagedInstance").resourceId(nodeId))
                            .tagList())
                    .anySatisfy(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("Patch Group=early"));
            // and a second sweep reports nothing new
            assertThat(watcher.watch(ref(account))).isZero();
        }
        // and the code is nowhere in plain text: not on Kafka, not in the logs
        byte[] plain = code.getBytes(StandardCharsets.UTF_8);
        List<byte[]> onKafka = EventLog.rawValues(Topics.INSTANCE_ACTIVATED.name());
        assertThat(onKafka).isNotEmpty();
        assertThat(onKafka).noneMatch(value -> contains(value, plain));
        assertThat(output.getAll())
                .contains(issued.getActivation().getActivationId())
                .doesNotContain(code);
    }

    @Test
    void deregistersANodeThatRegisteredWithNoEnrollmentsActivation() throws Exception {
        // given an account with one enrolled node, and a node registered with an activation Crosspatch never issued
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        AccountReady ready = Fixtures.accountReady(account, OperatingSystem.REDHAT_ENTERPRISE_LINUX, "late");
        InstanceActivated issued = publishAndAwaitIssued(account, ready);
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            String enrolled = test.registerAgent(
                    issued.getActivation().getActivationId(),
                    cipher.decrypt(issued.getActivation().getEncryptedActivationCode()),
                    "rhel-1",
                    Fixtures.platform(OperatingSystem.REDHAT_ENTERPRISE_LINUX));
            CreateActivationResponse foreign = test.ssm()
                    .createActivation(r -> r.iamRole(Fixtures.SERVICE_ROLE)
                            .registrationLimit(1)
                            .defaultInstanceName("intruder"));
            String stranger = test.registerAgent(
                    foreign.activationId(),
                    foreign.activationCode(),
                    "intruder",
                    Fixtures.platform(OperatingSystem.UBUNTU));
            watcher.watch(ref(account));

            // when the watcher audits the account
            RegistrationWatcher.AuditOutcome outcome = watcher.audit(ref(account));

            // then the stranger is deregistered and the enrolled node kept
            assertThat(outcome.deregisteredNodes()).isEqualTo(1);
            List<String> nodes =
                    test.ssm().describeInstanceInformation(r -> r.maxResults(50)).instanceInformationList().stream()
                            .map(i -> i.instanceId())
                            .toList();
            assertThat(nodes).containsExactly(enrolled).doesNotContain(stranger);
        }
    }

    @Test
    void deletesAnActivationThatExpiredUnusedAndFailsItsEnrollment() throws Exception {
        // given an issued activation nobody registers with
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        AccountReady ready = Fixtures.accountReady(account, OperatingSystem.DEBIAN, "on-time");
        InstanceActivated issued = publishAndAwaitIssued(account, ready);

        // when its hour passes and the watcher audits the account
        SIMULATOR.clock().advance(Duration.ofMinutes(61));
        RegistrationWatcher.AuditOutcome outcome = watcher.audit(ref(account));

        // then the activation is gone and the enrollment failed at REGISTRATION
        assertThat(outcome.deletedActivations()).isEqualTo(1);
        EnrollmentFailed failed = EventLog.await(
                        Topics.ENROLLMENT_FAILED.name(), ready.getEnrollmentId(), EnrollmentFailed.class, e -> true, 1)
                .get(0);
        assertThat(failed.getStage()).isEqualTo(EnrollmentStage.REGISTRATION);
        assertThat(failed.getReasonCode()).isEqualTo("ACTIVATION_EXPIRED");
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            assertThat(test.ssm()
                            .describeActivations(r -> r.filters(f -> f.filterKey("ActivationIds")
                                    .filterValues(issued.getActivation().getActivationId())))
                            .activationList())
                    .isEmpty();
        }
        assertThat(watcher.audit(ref(account)).deletedActivations()).isZero();
    }

    @Test
    void aRedeliveredEnrollmentIsNotIssuedTwiceAcrossAConsumerRestart() throws Exception {
        // given an enrollment whose activation was issued
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        AccountReady ready = Fixtures.accountReady(account, OperatingSystem.WINDOWS, "early");
        publishAndAwaitIssued(account, ready);

        // when the consumer restarts and the same event arrives again, followed by a new enrollment
        listeners.getListenerContainers().forEach(container -> container.stop());
        listeners.getListenerContainers().forEach(container -> container.start());
        kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(account), ready)
                .get();
        AccountReady next = Fixtures.accountReady(account, OperatingSystem.WINDOWS, "early");
        publishAndAwaitIssued(account, next);

        // then the duplicate issued nothing: two activations, one ACTIVATION_ISSUED per enrollment
        assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "CreateActivation"))
                .isEqualTo(2);
        List<InstanceActivated> events = EventLog.all(
                Topics.INSTANCE_ACTIVATED.name(), Fixtures.cloudAccountKey(account), InstanceActivated.class);
        assertThat(events)
                .extracting(InstanceActivated::getEnrollmentId)
                .containsExactlyInAnyOrder(ready.getEnrollmentId(), next.getEnrollmentId());
    }

    @Test
    void issuesTheActivationOnceAwsSaysTheAccountsSessionExpired() throws Exception {
        // given an account whose session issued one activation
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        publishAndAwaitIssued(account, Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early"));

        // when AWS's clock passes the session's expiry (the test sessions last 12 h), as after the local demo's month,
        // and the account's next enrollment arrives
        SIMULATOR.clock().advance(Duration.ofHours(13));
        AccountReady next = Fixtures.accountReady(account, OperatingSystem.UBUNTU, "early");
        InstanceActivated issued = publishAndAwaitIssued(account, next);

        // then the expired session was assumed again and the enrollment got its activation rather than failing
        assertThat(issued.getEnrollmentId()).isEqualTo(next.getEnrollmentId());
        assertThat(EventLog.all(Topics.ENROLLMENT_FAILED.name(), next.getEnrollmentId(), EnrollmentFailed.class))
                .isEmpty();
    }

    @Test
    void failsAnEnrollmentOfAnOperatingSystemSsmCannotPatch() throws Exception {
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        AccountReady ready = Fixtures.accountReady(account, OperatingSystem.OTHER, "early");

        kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(account), ready)
                .get();

        EnrollmentFailed failed = EventLog.await(
                        Topics.ENROLLMENT_FAILED.name(), ready.getEnrollmentId(), EnrollmentFailed.class, e -> true, 1)
                .get(0);
        assertThat(failed.getStage()).isEqualTo(EnrollmentStage.ACTIVATION);
        assertThat(failed.getReasonCode()).isEqualTo("UNSUPPORTED_OPERATING_SYSTEM");
        assertThat(failed.getRetryable()).isFalse();
        assertThat(Calls.ssm(SIMULATOR, account.getAccountId(), "CreateActivation"))
                .isZero();
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

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
