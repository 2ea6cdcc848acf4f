package io.crosspatch.patching.activation.application;

import static io.crosspatch.patching.support.Enrollments.anyEnrollment;
import static io.crosspatch.patching.support.Enrollments.anySystemAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentState;
import io.crosspatch.patching.activation.domain.IssuedCode;
import io.crosspatch.patching.activation.domain.NodeQuota;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.patching.support.Enrollments;
import io.crosspatch.patching.support.InMemoryActivationTiers;
import io.crosspatch.patching.support.InMemoryEnrollments;
import io.crosspatch.patching.support.InMemoryKnownAccounts;
import io.crosspatch.patching.support.RecordedEnrollmentEvents;
import io.crosspatch.patching.support.RecordedEnrollmentEvents.Issued;
import io.crosspatch.patching.support.ScriptedActivationIssuer;
import io.crosspatch.patching.systemaccount.application.NodeRoster;
import io.crosspatch.patching.systemaccount.application.ReleasedSystemAccounts;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The intake's rules in milliseconds, against in-memory adapters: one activation per enrollment, duplicates and
 * redeliveries recognised, what may pass left for redelivery, what cannot succeed failed once. The same flows run
 * against Kafka, Cassandra and the simulator in {@code EnrollmentActivationTest}.
 */
class EnrollmentIntakeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final InMemoryKnownAccounts accounts = new InMemoryKnownAccounts();
    private final List<KnownAccount> configured = new CopyOnWriteArrayList<>();
    private final List<String> setupFailsFor = new CopyOnWriteArrayList<>();
    private final InMemoryEnrollments enrollments = new InMemoryEnrollments();
    private final ScriptedActivationIssuer ssm = new ScriptedActivationIssuer();
    private final RecordedEnrollmentEvents events = new RecordedEnrollmentEvents();
    private final ExecutorService accountsPool = Executors.newFixedThreadPool(4);
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final SystemAccountRef account = anySystemAccount();
    private final InMemoryActivationTiers tiers = new InMemoryActivationTiers();
    private final NodeRoster noNodes = new NodeRoster() {
        @Override
        public List<EnrolledNode> identitiesOf(String accountId) {
            return List.of();
        }

        @Override
        public int count(String accountId) {
            return 0;
        }

        @Override
        public void remove(String accountId, String managedInstanceId) {}
    };

    private final SystemAccountSetup setup = known -> {
        if (setupFailsFor.contains(known.account().accountId())) {
            throw new IllegalStateException("SSM of " + known.account().accountId() + " unavailable");
        }
        configured.add(known);
    };
    private final ActivationCodeSealer sealer = code -> new SealedCode("sealed(" + code + ")", "k1");

    @AfterEach
    void stopPools() {
        accountsPool.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void issuesOneActivationPerEnrollmentAndPublishesOnlyItsSealedCode() {
        // given two ready enrollments of one system account
        Enrollment first = anyEnrollment(account, "early");
        Enrollment second = anyEnrollment(account, "late");

        // when the batch is accepted
        intake(8).accept(List.of(first, second));

        // then each got its own activation, published with the code sealed, and is stored as issued and published
        assertThat(ssm.asked).containsExactlyInAnyOrder(first.enrollmentId(), second.enrollmentId());
        assertThat(events.issued)
                .extracting(Issued::enrollmentId)
                .containsExactlyInAnyOrder(first.enrollmentId(), second.enrollmentId());
        assertThat(events.issued).allSatisfy(issued -> {
            assertThat(issued.code().jwe()).startsWith("sealed(code-");
            assertThat(issued.code().keyId()).isEqualTo("k1");
            assertThat(issued.expiresAt()).isEqualTo(ScriptedActivationIssuer.EXPIRES_AT);
        });
        assertThat(enrollments.row(first.enrollmentId()).state()).isEqualTo(EnrollmentState.ISSUED);
        assertThat(enrollments.row(first.enrollmentId()).issuedPublished()).isTrue();
        assertThat(enrollments.activationsOf(account.accountId())).hasSize(2);
        // and the account was recorded and its SSM set up once for the batch
        assertThat(configured).singleElement().satisfies(known -> {
            assertThat(known.account()).isEqualTo(account);
            assertThat(known.cloudAccountKey())
                    .isEqualTo(new CloudAccountKey(CloudProvider.GCP, "acme-" + account.accountId()));
        });
        assertThat(events.failed).isEmpty();
    }

    @Test
    void switchesTheAccountToTheAdvancedTierOnceBeforeItsNodesReachTheThreshold() {
        // given a standard-tier quota of 3 nodes, switched at two thirds, and an account with one activation out
        EnrollmentIntake intake = intake(8, ssm, new NodeQuotaProperties(3, 0.67, NodeQuota.Action.ADVANCE));
        intake.accept(List.of(anyEnrollment(account, "early")));
        assertThat(tiers.switched).isEmpty();

        // when three more enrollments arrive
        intake.accept(List.of(
                anyEnrollment(account, "early"), anyEnrollment(account, "early"), anyEnrollment(account, "late")));

        // then the account was switched once and every enrollment got its activation
        assertThat(tiers.switched).containsExactly(account.accountId());
        assertThat(events.issued).hasSize(4);
        assertThat(events.failed).isEmpty();
        // and later enrollments neither ask SSM nor switch again
        intake.accept(List.of(anyEnrollment(account, "early")));
        assertThat(tiers.asked).hasSize(1);
        assertThat(tiers.switched).hasSize(1);
    }

    @Test
    void withActionRefuseFailsTheEnrollmentsBeyondTheQuotaAtOnce() {
        // given a standard-tier quota of 3 nodes, action refuse, and an account with one activation out
        EnrollmentIntake intake = intake(1, ssm, new NodeQuotaProperties(3, null, NodeQuota.Action.REFUSE));
        intake.accept(List.of(anyEnrollment(account, "early")));
        List<Enrollment> batch = List.of(
                anyEnrollment(account, "early"), anyEnrollment(account, "early"), anyEnrollment(account, "late"));

        // when three more enrollments arrive
        intake.accept(batch);

        // then two fit, and the third fails at once with NODE_QUOTA_REACHED; the tier is left alone
        assertThat(events.issued).hasSize(3);
        assertThat(events.failed).singleElement().satisfies(failed -> {
            assertThat(failed.enrollmentId()).isEqualTo(batch.get(2).enrollmentId());
            assertThat(failed.failure().reasonCode()).isEqualTo("NODE_QUOTA_REACHED");
            assertThat(failed.failure().stage()).isEqualTo("ACTIVATION");
            assertThat(failed.failure().message()).contains("advanced-instances tier");
        });
        assertThat(enrollments.row(batch.get(2).enrollmentId()).state()).isEqualTo(EnrollmentState.FAILED);
        assertThat(tiers.switched).isEmpty();
    }

    @Test
    void withActionRefuseAnAccountAnOperatorMadeAdvancedIsNotLimited() {
        // given a quota of 1, action refuse, and an account already advanced in SSM
        tiers.advancedInSsm(account);
        EnrollmentIntake intake = intake(8, ssm, new NodeQuotaProperties(1, null, NodeQuota.Action.REFUSE));

        // when three enrollments arrive
        intake.accept(List.of(
                anyEnrollment(account, "early"), anyEnrollment(account, "early"), anyEnrollment(account, "late")));

        // then all are issued, and the tier is remembered
        assertThat(events.issued).hasSize(3);
        assertThat(events.failed).isEmpty();
        assertThat(tiers.knownAdvanced(account.accountId())).isTrue();
    }

    @Test
    void aDuplicateOfAnIssuedEnrollmentIssuesAndPublishesNothing() {
        // given an enrollment whose activation was issued and published
        Enrollment enrollment = anyEnrollment(account, "early");
        EnrollmentIntake intake = intake(8);
        intake.accept(List.of(enrollment));

        // when it is delivered again
        intake.accept(List.of(enrollment));

        // then SSM was asked once and one ACTIVATION_ISSUED went out
        assertThat(ssm.asked).containsExactly(enrollment.enrollmentId());
        assertThat(events.issued).hasSize(1);
    }

    @Test
    void republishesTheStoredActivationWhenItsEventWasNotAcknowledged() {
        // given an enrollment whose activation was issued and stored, but whose event the broker did not take
        Enrollment enrollment = anyEnrollment(account, "early");
        EnrollmentIntake intake = intake(8);
        events.refuseNext(1);
        EnrollmentsNotAcceptedException notAccepted =
                catchThrowableOfType(EnrollmentsNotAcceptedException.class, () -> intake.accept(List.of(enrollment)));
        assertThat(notAccepted.enrollmentIds()).containsExactly(enrollment.enrollmentId());
        assertThat(enrollments.row(enrollment.enrollmentId()).state()).isEqualTo(EnrollmentState.ISSUED);
        assertThat(enrollments.row(enrollment.enrollmentId()).issuedPublished()).isFalse();

        // when it is redelivered
        intake.accept(List.of(enrollment));

        // then the stored activation is published, and no second one is created
        assertThat(ssm.asked).containsExactly(enrollment.enrollmentId());
        assertThat(events.issued).singleElement().satisfies(issued -> {
            assertThat(issued.activationId()).isEqualTo("act-1");
            assertThat(issued.code()).isEqualTo(new SealedCode("sealed(code-1)", "k1"));
        });
        assertThat(enrollments.row(enrollment.enrollmentId()).issuedPublished()).isTrue();
    }

    @Test
    void createsTheActivationOfAnEnrollmentClaimedBeforeACrash() {
        // given an enrollment claimed by an instance that crashed before SSM answered
        Enrollment enrollment = anyEnrollment(account, "early");
        enrollments.claim(enrollment, Instant.EPOCH);

        // when it is redelivered
        intake(8).accept(List.of(enrollment));

        // then its activation is created and published
        assertThat(ssm.asked).containsExactly(enrollment.enrollmentId());
        assertThat(events.issued).extracting(Issued::enrollmentId).containsExactly(enrollment.enrollmentId());
    }

    @Test
    void leavesAnEnrollmentSsmCannotServeNowForRedeliveryAndHandlesTheRestOfTheBatch() {
        // given a batch in which SSM throttles one enrollment beyond the SDK's retries
        Enrollment throttled = anyEnrollment(account, "early");
        Enrollment fine = anyEnrollment(account, "early");
        ssm.unavailableFor(throttled.enrollmentId());
        EnrollmentIntake intake = intake(8);

        // when the batch is accepted
        EnrollmentsNotAcceptedException notAccepted = catchThrowableOfType(
                EnrollmentsNotAcceptedException.class, () -> intake.accept(List.of(throttled, fine)));

        // then only the throttled one is to be redelivered, and nothing says it failed
        assertThat(notAccepted.enrollmentIds()).containsExactly(throttled.enrollmentId());
        assertThat(notAccepted).hasCauseInstanceOf(ActivationUnavailableException.class);
        assertThat(events.issued).extracting(Issued::enrollmentId).containsExactly(fine.enrollmentId());
        assertThat(events.failed).isEmpty();

        // and once SSM recovers, its redelivery is issued
        ssm.recovers(throttled.enrollmentId());
        intake.accept(List.of(throttled, fine));
        assertThat(events.issued)
                .extracting(Issued::enrollmentId)
                .containsExactlyInAnyOrder(fine.enrollmentId(), throttled.enrollmentId());
    }

    @Test
    void failsAnEnrollmentSsmRefusesInsteadOfRedeliveringIt() {
        // given SSM refuses the activation of an enrollment for good
        Enrollment refused = anyEnrollment(account, "early");
        ssm.rejects(refused.enrollmentId(), "InvalidParameters");

        // when it is accepted
        intake(8).accept(List.of(refused));

        // then it fails at ACTIVATION, not retryable, naming SSM's error, and is stored failed
        assertThat(events.failed).singleElement().satisfies(failed -> {
            assertThat(failed.enrollmentId()).isEqualTo(refused.enrollmentId());
            assertThat(failed.failure().stage()).isEqualTo("ACTIVATION");
            assertThat(failed.failure().reasonCode()).isEqualTo("ACTIVATION_REJECTED");
            assertThat(failed.failure().message()).contains("InvalidParameters");
            assertThat(failed.failure().retryable()).isFalse();
        });
        assertThat(enrollments.row(refused.enrollmentId()).state()).isEqualTo(EnrollmentState.FAILED);
        assertThat(events.issued).isEmpty();
    }

    @Test
    void failsAnEnrollmentOfAnOperatingSystemSsmCannotPatchWithoutTouchingTheAccount() {
        // given an enrollment of an OS SSM Patch Manager does not patch
        Enrollment other = anyEnrollment(account, "OTHER", "early");

        // when it is accepted alone
        intake(8).accept(List.of(other));

        // then it fails, and neither SSM nor the account's setup was touched
        assertThat(events.failed)
                .singleElement()
                .satisfies(
                        failed -> assertThat(failed.failure().reasonCode()).isEqualTo("UNSUPPORTED_OPERATING_SYSTEM"));
        assertThat(ssm.asked).isEmpty();
        assertThat(configured).isEmpty();
        assertThat(accounts.find(account.accountId())).isEmpty();
    }

    @Test
    void aDuplicateOfAFailedEnrollmentIsNotReportedTwice() {
        // given an enrollment that failed
        Enrollment other = anyEnrollment(account, "OTHER", "early");
        EnrollmentIntake intake = intake(8);
        intake.accept(List.of(other));

        // when it is delivered again
        intake.accept(List.of(other));

        // then enrollment.failed went out once
        assertThat(events.failed).hasSize(1);
    }

    @Test
    void failsAnEnrollmentWhosePatchGroupCannotNameACustomGroup() {
        Enrollment badGroup = anyEnrollment(account, "Canary Group");

        intake(8).accept(List.of(badGroup));

        assertThat(events.failed)
                .singleElement()
                .satisfies(failed -> assertThat(failed.failure().reasonCode()).isEqualTo("INVALID_PATCH_GROUP"));
        assertThat(ssm.asked).isEmpty();
    }

    @Test
    void acceptsANewCustomGroupAndSetsTheAccountUpWithIt() {
        // given an enrollment in a custom group the account does not have yet
        Enrollment canary = anyEnrollment(account, "canary");

        // when it is accepted
        intake(8).accept(List.of(canary));

        // then the account is recorded and set up with that group, and the activation issued
        assertThat(accounts.find(account.accountId()))
                .map(KnownAccount::customGroups)
                .contains(Set.of("canary"));
        assertThat(configured)
                .singleElement()
                .satisfies(known -> assertThat(known.customGroups()).containsExactly("canary"));
        assertThat(events.issued).extracting(Issued::enrollmentId).containsExactly(canary.enrollmentId());
    }

    @Test
    void refusesAFourthCustomGroupThatWouldExceedTheBaselineQuota() {
        // given an account that already has three custom groups
        accounts.remember(
                account,
                new CloudAccountKey(CloudProvider.GCP, "acme-" + account.accountId()),
                "acme",
                Set.of("a", "b", "c"));
        Enrollment fourth = anyEnrollment(account, "d");
        Enrollment known = anyEnrollment(account, "b");

        // when an enrollment asks for a fourth, beside one in a group the account has
        intake(8).accept(List.of(fourth, known));

        // then the fourth fails with the quota, and the other is issued
        assertThat(events.failed).singleElement().satisfies(failed -> {
            assertThat(failed.enrollmentId()).isEqualTo(fourth.enrollmentId());
            assertThat(failed.failure().reasonCode()).isEqualTo("PATCH_GROUP_QUOTA_EXCEEDED");
        });
        assertThat(events.issued).extracting(Issued::enrollmentId).containsExactly(known.enrollmentId());
        assertThat(accounts.find(account.accountId()))
                .map(KnownAccount::customGroups)
                .contains(Set.of("a", "b", "c"));
    }

    @Test
    void leavesEveryEnrollmentOfAnAccountThatCannotBeSetUpForRedeliveryAndHandlesOtherAccounts() {
        // given a batch for two accounts, one of which cannot be reconciled now
        SystemAccountRef broken = anySystemAccount();
        setupFailsFor.add(broken.accountId());
        Enrollment ofBroken1 = anyEnrollment(broken, "early");
        Enrollment ofBroken2 = anyEnrollment(broken, "late");
        Enrollment ofHealthy = anyEnrollment(account, "early");
        EnrollmentIntake intake = intake(8);

        // when the batch is accepted
        EnrollmentsNotAcceptedException notAccepted = catchThrowableOfType(
                EnrollmentsNotAcceptedException.class, () -> intake.accept(List.of(ofBroken1, ofHealthy, ofBroken2)));

        // then the broken account's enrollments are to be redelivered, unissued, and the healthy one is issued
        assertThat(notAccepted.enrollmentIds())
                .containsExactlyInAnyOrder(ofBroken1.enrollmentId(), ofBroken2.enrollmentId());
        assertThat(ssm.asked).containsExactly(ofHealthy.enrollmentId());
        assertThat(events.issued).extracting(Issued::enrollmentId).containsExactly(ofHealthy.enrollmentId());
        assertThat(events.failed).isEmpty();
    }

    @Test
    void worksNoMoreActivationsOfOneAccountAtOnceThanItsConcurrency() {
        // given SSM holds every CreateActivation until released, and one account may have two in flight
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ActivationIssuer slow = enrollment -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new IssuedCode("act-" + enrollment.enrollmentId(), "code", ScriptedActivationIssuer.EXPIRES_AT);
        };
        List<Enrollment> storm = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            storm.add(anyEnrollment(account, "early"));
        }
        EnrollmentIntake intake = intake(2, slow);

        // when a storm of ten enrollments is accepted
        CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> intake.accept(storm));

        // then two activations are in flight and no third starts until they return
        await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.get() == 2);
        assertThat(accepted).isNotDone();
        release.countDown();
        accepted.join();
        assertThat(mostInFlight.get()).isEqualTo(2);
        assertThat(events.issued).hasSize(10);
    }

    private EnrollmentIntake intake(int perAccountConcurrency) {
        return intake(perAccountConcurrency, ssm);
    }

    private EnrollmentIntake intake(int perAccountConcurrency, ActivationIssuer issuer) {
        return intake(perAccountConcurrency, issuer, new NodeQuotaProperties(null, null, null));
    }

    private EnrollmentIntake intake(int perAccountConcurrency, ActivationIssuer issuer, NodeQuotaProperties quota) {
        return new EnrollmentIntake(
                accounts,
                new NoReleasedAccounts(),
                setup,
                Enrollments.anyDesiredState(),
                enrollments,
                issuer,
                sealer,
                events,
                new NodeQuotaGuard(quota, noNodes, enrollments, tiers, tiers, CLOCK),
                accountsPool,
                workers,
                new ActivationProperties(1, Duration.ofHours(24), 8, perAccountConcurrency),
                CLOCK);
    }

    /** No account is released in these tests: offboarding has its own. */
    private static final class NoReleasedAccounts implements ReleasedSystemAccounts {

        @Override
        public void markReleased(String accountId, io.crosspatch.kernel.CloudAccountKey key, Instant at) {}

        @Override
        public boolean isReleased(String accountId) {
            return false;
        }
    }
}
