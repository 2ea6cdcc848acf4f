package io.crosspatch.patching.registration.application;

import static io.crosspatch.patching.support.Enrollments.anyEnrollment;
import static io.crosspatch.patching.support.Enrollments.anySystemAccount;
import static io.crosspatch.patching.support.Enrollments.reEnrollmentOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.activation.domain.ActivationPolicy;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentState;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.patching.support.InMemoryEnrollments;
import io.crosspatch.patching.support.InMemoryManagedNodes;
import io.crosspatch.patching.support.RecordedEnrollmentEvents;
import io.crosspatch.patching.support.RecordedEnrollmentEvents.Registered;
import io.crosspatch.patching.systemaccount.application.NodeRoster;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher's rules in milliseconds, against in-memory adapters: a node that registered with a pending
 * activation is tagged, recorded and reported once; the audit deregisters strangers and expires unused
 * activations. The same flows run against SSM in the simulator, Cassandra and Kafka in
 * {@code EnrollmentActivationTest}.
 */
class RegistrationWatcherTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final ActivationPolicy policy = new ActivationPolicy(1, Duration.ofHours(24));
    private final InMemoryEnrollments enrollments = new InMemoryEnrollments();
    private final InMemoryManagedNodes ssm = new InMemoryManagedNodes();
    private final RecordedEnrollmentEvents events = new RecordedEnrollmentEvents();
    private final List<EnrolledNode> enrolledNodes = new CopyOnWriteArrayList<>();
    private final List<String> unexpectedNodes = new CopyOnWriteArrayList<>();
    private final List<String> retiredExpired = new CopyOnWriteArrayList<>();
    private final OwnedAccounts owned = mock(OwnedAccounts.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NamedExecutors executors = new NamedExecutors(meters);
    private final NodeRoster roster = new NodeRoster() {
        @Override
        public List<EnrolledNode> identitiesOf(String accountId) {
            return List.copyOf(enrolledNodes);
        }

        @Override
        public int count(String accountId) {
            return enrolledNodes.size();
        }

        @Override
        public void remove(String accountId, String managedInstanceId) {
            enrolledNodes.removeIf(node -> node.managedInstanceId().equals(managedInstanceId));
        }
    };
    private final RegistrationWatcher watcher = new RegistrationWatcher(
            owned,
            enrollments,
            (accountId, node) -> {
                enrolledNodes.removeIf(known -> known.managedInstanceId().equals(node.managedInstanceId()));
                enrolledNodes.add(node);
            },
            (accountId, node, at) -> unexpectedNodes.add(node.instanceId()),
            ssm,
            new NodeReplacement(ssm, enrollments, roster),
            policy,
            events,
            (account, enrollment, activationId) -> retiredExpired.add(enrollment.enrollmentId()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            meters,
            executors,
            new RegistrationProperties(null, null, 2));
    private final SystemAccountRef account = anySystemAccount();

    @AfterEach
    void stopWatcher() throws InterruptedException {
        executors.destroy();
    }

    @Test
    void reportsANodeThatRegisteredWithAPendingActivationOnce() {
        // given an issued enrollment whose node registered carrying every tag of its activation
        Enrollment enrollment = issued(account, "act-1");
        ssm.register(account, "mi-1", "act-1", policy.tags(enrollment));

        // when the watcher sweeps the account
        int registered = watcher.watch(account);

        // then the enrollment is registered as that node, recorded with its identity and reported with its tags
        assertThat(registered).isEqualTo(1);
        assertThat(enrollments.row(enrollment.enrollmentId()).state()).isEqualTo(EnrollmentState.REGISTERED);
        assertThat(enrollments.row(enrollment.enrollmentId()).managedInstanceId())
                .isEqualTo("mi-1");
        assertThat(enrolledNodes).singleElement().satisfies(node -> {
            assertThat(node.managedInstanceId()).isEqualTo("mi-1");
            assertThat(node.enrollmentId()).isEqualTo(enrollment.enrollmentId());
            assertThat(node.patchGroup()).isEqualTo("early");
        });
        assertThat(events.registered)
                .containsExactly(new Registered(enrollment.enrollmentId(), "mi-1", policy.tags(enrollment)));
        assertThat(ssm.added).isEmpty();

        // and the next sweep finds nothing new
        assertThat(watcher.watch(account)).isZero();
        assertThat(events.registered).hasSize(1);
    }

    @Test
    void aReEnrolledInstancesNewNodeReplacesItsPreviousNodeOnce() {
        // given an instance registered as mi-old, then re-enrolled with a new activation its new node used
        Enrollment first = issued(account, "act-old");
        ssm.register(account, "mi-old", "act-old", policy.tags(first));
        ssm.activation(account, "act-old", false, 1);
        watcher.watch(account);
        Enrollment again = reEnrollmentOf(first);
        issue(again, "act-new");
        ssm.register(account, "mi-new", "act-new", policy.tags(again));

        // when the watcher sweeps the account
        watcher.watch(account);

        // then the old node is deregistered and its activation deleted, and the new one is reported as replacing it
        assertThat(ssm.deregistered).containsExactly("mi-old");
        assertThat(ssm.deletedActivations).containsExactly("act-old");
        assertThat(ssm.allNodes(account)).extracting(ManagedNode::instanceId).containsExactly("mi-new");
        assertThat(events.registered).extracting(Registered::managedInstanceId).containsExactly("mi-old", "mi-new");
        assertThat(events.replacements).containsExactly(Map.entry("mi-new", "mi-old"));
        assertThat(enrolledNodes).extracting(EnrolledNode::managedInstanceId).containsExactly("mi-new");

        // and a later sweep replaces nothing more
        watcher.watch(account);
        assertThat(ssm.deregistered).hasSize(1);
    }

    @Test
    void aReplacementBrokenOffBeforeItWasReportedIsRedoneAcceptingWhatIsAlreadyGone() {
        // given a re-enrolled instance whose old node was deregistered, but the broker refused the new node's event
        Enrollment first = issued(account, "act-old");
        ssm.register(account, "mi-old", "act-old", policy.tags(first));
        watcher.watch(account);
        Enrollment again = reEnrollmentOf(first);
        issue(again, "act-new");
        ssm.register(account, "mi-new", "act-new", policy.tags(again));
        events.refuseNext(1);
        assertThatThrownBy(() -> watcher.watch(account)).isInstanceOf(IllegalStateException.class);
        assertThat(ssm.deregistered).containsExactly("mi-old");

        // when the next sweep runs
        watcher.watch(account);

        // then the replacement is completed and reported once, naming the old node
        assertThat(events.replacements).containsExactly(Map.entry("mi-new", "mi-old"));
        assertThat(enrolledNodes).extracting(EnrolledNode::managedInstanceId).containsExactly("mi-new");
        assertThat(enrollments.row(again.enrollmentId()).state()).isEqualTo(EnrollmentState.REGISTERED);
    }

    @Test
    void setsTheTagsARegisteredNodeLacksOrCarriesWrongly() {
        // given a node that lost one tag of its activation and carries another with a wrong value
        Enrollment enrollment = issued(account, "act-1");
        Map<String, String> partial = new LinkedHashMap<>(policy.tags(enrollment));
        partial.remove(ActivationPolicy.TENANT_TAG);
        partial.put(ActivationPolicy.PATCH_GROUP_TAG, "late");
        ssm.register(account, "mi-1", "act-1", partial);

        // when the watcher sweeps
        watcher.watch(account);

        // then exactly those two are set, and the node carries every tag of its enrollment
        assertThat(ssm.added.get("mi-1"))
                .containsOnlyKeys(ActivationPolicy.TENANT_TAG, ActivationPolicy.PATCH_GROUP_TAG)
                .containsEntry(ActivationPolicy.PATCH_GROUP_TAG, "early");
        assertThat(ssm.tagsOf("mi-1")).containsAllEntriesOf(policy.tags(enrollment));
    }

    @Test
    void doesNotCountANodeThatAnotherInstanceRegisteredMeanwhile() {
        // given a pending activation whose node another watcher records between this one's read and its write
        Enrollment enrollment = issued(account, "act-1");
        ssm.register(account, "mi-1", "act-1", policy.tags(enrollment));
        ssm.beforeLookup(
                () -> enrollments.markRegistered(account.accountId(), "act-1", enrollment.enrollmentId(), "mi-1"));

        // when this watcher sweeps
        int registered = watcher.watch(account);

        // then it does not count the registration as its own
        assertThat(registered).isZero();
        assertThat(enrollments.row(enrollment.enrollmentId()).managedInstanceId())
                .isEqualTo("mi-1");
    }

    @Test
    void asksSsmAboutPendingActivationsFiftyAtATime() {
        // given 120 pending activations
        for (int i = 0; i < 120; i++) {
            issued(account, "act-" + i);
        }

        // when the watcher sweeps
        watcher.watch(account);

        // then SSM was asked in three lookups within its filter limit
        assertThat(ssm.lookups).containsExactly(50, 50, 20);
    }

    @Test
    void auditDeregistersNodesThatRegisteredWithNoActivationOfOurs() {
        // given an enrolled node, a node of a foreign activation and one registered without any
        Enrollment enrollment = issued(account, "act-1");
        ssm.register(account, "mi-ours", "act-1", policy.tags(enrollment));
        watcher.watch(account);
        ssm.register(account, "mi-foreign", "act-foreign", Map.of());
        ssm.register(account, "mi-none", null, Map.of());

        // when the watcher audits the account
        RegistrationWatcher.AuditOutcome outcome = watcher.audit(account);

        // then both strangers are deregistered, recorded and counted, and our node is kept
        assertThat(outcome.deregisteredNodes()).isEqualTo(2);
        assertThat(ssm.deregistered).containsExactlyInAnyOrder("mi-foreign", "mi-none");
        assertThat(ssm.allNodes(account)).extracting(ManagedNode::instanceId).containsExactly("mi-ours");
        assertThat(unexpectedNodes).containsExactlyInAnyOrder("mi-foreign", "mi-none");
        assertThat(meters.counter("crosspatch.patching.unexpected.nodes.deregistered")
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void auditDeletesAnActivationThatExpiredUnusedAndFailsItsEnrollmentOnce() {
        // given a pending activation SSM reports expired and never used
        Enrollment enrollment = issued(account, "act-1");
        ssm.activation(account, "act-1", true, 0);

        // when the watcher audits the account
        RegistrationWatcher.AuditOutcome outcome = watcher.audit(account);

        // then the activation is deleted and its enrollment fails at REGISTRATION
        assertThat(outcome.deletedActivations()).isEqualTo(1);
        assertThat(ssm.deletedActivations).containsExactly("act-1");
        assertThat(events.failed).singleElement().satisfies(failed -> {
            assertThat(failed.enrollmentId()).isEqualTo(enrollment.enrollmentId());
            assertThat(failed.failure().stage()).isEqualTo("REGISTRATION");
            assertThat(failed.failure().reasonCode()).isEqualTo("ACTIVATION_EXPIRED");
            assertThat(failed.failure().retryable()).isFalse();
        });
        assertThat(enrollments.row(enrollment.enrollmentId()).state()).isEqualTo(EnrollmentState.FAILED);
        // and it is retired, so no instance is left behind
        assertThat(retiredExpired).containsExactly(enrollment.enrollmentId());

        // and the next audit has nothing left to expire
        assertThat(watcher.audit(account).deletedActivations()).isZero();
        assertThat(events.failed).hasSize(1);
        assertThat(retiredExpired).hasSize(1);
    }

    @Test
    void auditKeepsActivationsThatAreStillValidOrWereUsed() {
        // given a pending activation still valid, and one SSM reports expired after a registration
        issued(account, "act-valid");
        issued(account, "act-used");
        ssm.activation(account, "act-valid", false, 0);
        ssm.activation(account, "act-used", true, 1);

        // when the watcher audits the account
        RegistrationWatcher.AuditOutcome outcome = watcher.audit(account);

        // then neither is deleted nor failed
        assertThat(outcome.deletedActivations()).isZero();
        assertThat(ssm.deletedActivations).isEmpty();
        assertThat(events.failed).isEmpty();
    }

    @Test
    void aSweepGoesOnWithTheOtherAccountsWhenOneAccountsSsmFails() {
        // given two owned accounts with a registered node each, one of whose SSM is unavailable
        SystemAccountRef broken = anySystemAccount();
        Enrollment ofBroken = issued(broken, "act-b");
        Enrollment ofHealthy = issued(account, "act-h");
        ssm.register(broken, "mi-b", "act-b", policy.tags(ofBroken));
        ssm.register(account, "mi-h", "act-h", policy.tags(ofHealthy));
        ssm.unreachable(broken);
        when(owned.list()).thenReturn(List.of(known(broken), known(account)));

        // when the watcher sweeps every owned account
        watcher.sweep();

        // then the healthy account's node is reported, and the broken one's waits for the next sweep
        assertThat(events.registered).extracting(Registered::enrollmentId).containsExactly(ofHealthy.enrollmentId());
        assertThat(enrollments.row(ofBroken.enrollmentId()).state()).isEqualTo(EnrollmentState.ISSUED);
    }

    /** An enrollment of {@code account} in group early whose activation {@code activationId} was issued. */
    private Enrollment issued(SystemAccountRef of, String activationId) {
        return issue(anyEnrollment(of, "early"), activationId);
    }

    private Enrollment issue(Enrollment enrollment, String activationId) {
        enrollments.claim(enrollment, NOW);
        enrollments.markIssued(enrollment, activationId, new SealedCode("jwe", "k1"), NOW.plus(Duration.ofHours(24)));
        enrollments.markPublished(enrollment.enrollmentId());
        return enrollment;
    }

    private static KnownAccount known(SystemAccountRef of) {
        return new KnownAccount(
                of,
                new CloudAccountKey(CloudProvider.GCP, "acme-" + of.accountId()),
                Set.of(),
                Optional.empty(),
                Optional.of("acme"));
    }
}
