package io.crosspatch.patching.retirement.application;

import static io.crosspatch.patching.support.Enrollments.anyEnrollment;
import static io.crosspatch.patching.support.Enrollments.anySystemAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentState;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.patching.retirement.domain.ConnectionLostPolicy;
import io.crosspatch.patching.retirement.domain.Retirement;
import io.crosspatch.patching.retirement.domain.RetirementOrder;
import io.crosspatch.patching.retirement.domain.RetirementReason;
import io.crosspatch.patching.support.InMemoryEnrollments;
import io.crosspatch.patching.support.InMemoryManagedNodes;
import io.crosspatch.patching.systemaccount.application.AccountLedger;
import io.crosspatch.patching.systemaccount.application.NodeRoster;
import io.crosspatch.patching.systemaccount.application.NodeStates;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.ResultBytes;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The retirement's rules in milliseconds, against in-memory adapters: an order retires the instance once however
 * often it comes; a retirement interrupted before its event went out is finished later with the very same event;
 * the ConnectionLost age is the tenant's own where it has one.
 */
class InstanceRetirementTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final SystemAccountRef account = anySystemAccount();
    private final Enrollment enrollment = anyEnrollment(account, "early");
    private final InMemoryEnrollments enrollments = new InMemoryEnrollments();
    private final InMemoryManagedNodes ssm = new InMemoryManagedNodes();
    private final Nodes nodes = new Nodes();
    private final Store store = new Store();
    private final Events events = new Events();
    private final InstanceRetirement retirement = new InstanceRetirement(
            new AccountLedger() {
                @Override
                public List<KnownAccount> all() {
                    return List.of(new KnownAccount(
                            account, enrollment.cloudAccountKey(), Set.of(), Optional.empty(), Optional.of("acme")));
                }

                @Override
                public void markApplied(String accountId, String desiredStateHash, Instant at) {}
            },
            nodes,
            nodes,
            enrollments,
            ssm,
            store,
            events,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anOrderRetiresTheInstanceOnceHoweverOftenItComes() {
        // given a registered instance
        registered("mi-00000000000000001");

        // when it is ordered retired twice
        int first = retirement.retire(order());
        int second = retirement.retire(order());

        // then one deregistration, one deleted activation, one event, and the enrollment is RETIRED
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(ssm.deregistered).containsExactly("mi-00000000000000001");
        assertThat(ssm.deletedActivations).containsExactly("act-1");
        assertThat(events.published).singleElement().satisfies(event -> {
            assertThat(event.reason()).isEqualTo(RetirementReason.REQUESTED);
            assertThat(event.requestedBy()).contains("admin@acme");
            assertThat(event.managedInstanceId()).contains("mi-00000000000000001");
        });
        assertThat(nodes.of.get(account.accountId())).isEmpty();
        assertThat(enrollments.row(enrollment.enrollmentId()).state()).isEqualTo(EnrollmentState.RETIRED);
    }

    @Test
    void anOffboardedAccountRetiresEachOfItsInstancesOnce() {
        // given a registered instance of the account
        registered("mi-00000000000000003");

        // when the account is offboarded, twice
        int first = retirement.retireSystemAccount(
                account, RetirementReason.ACCOUNT_OFFBOARDED, Optional.empty(), Optional.empty());
        int second = retirement.retireSystemAccount(
                account, RetirementReason.ACCOUNT_OFFBOARDED, Optional.empty(), Optional.empty());

        // then its instance is retired once, as ACCOUNT_OFFBOARDED
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(events.published)
                .singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo(RetirementReason.ACCOUNT_OFFBOARDED));
    }

    @Test
    void aRetirementInterruptedBeforeItsEventIsFinishedLaterWithTheSameEvent() {
        // given a registered instance, and Kafka down when it is retired
        registered("mi-00000000000000002");
        events.down = true;
        assertThatThrownBy(() -> retirement.retire(order())).isInstanceOf(IllegalStateException.class);
        assertThat(store.unfinished(account.accountId())).hasSize(1);
        Retirement claimed = store.unfinished(account.accountId()).get(0);

        // when Kafka is back and the unfinished retirements are resumed
        events.down = false;
        int resumed = retirement.resumeUnfinished(account);

        // then it is finished, once, with the event id and time it was claimed with
        assertThat(resumed).isEqualTo(1);
        assertThat(events.published).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(claimed.eventId());
            assertThat(event.retiredAt()).isEqualTo(claimed.retiredAt());
        });
        assertThat(store.unfinished(account.accountId())).isEmpty();
        assertThat(retirement.retire(order())).isZero();
        assertThat(retirement.resumeUnfinished(account)).isZero();
        assertThat(events.published).hasSize(1);
    }

    @Test
    void aTenantsOwnAgeDecidesWhenItsLostNodesRetire() {
        ConnectionLostPolicy policy =
                new ConnectionLostPolicy(Duration.ofDays(30), Map.of("quick", Duration.ofDays(1)));
        Instant lastPing = NOW.minus(Duration.ofDays(2));

        assertThat(policy.retires("quick", "ConnectionLost", lastPing, NOW)).isTrue();
        assertThat(policy.retires("acme", "ConnectionLost", lastPing, NOW)).isFalse();
        assertThat(policy.retires("acme", "ConnectionLost", NOW.minus(Duration.ofDays(31)), NOW))
                .isTrue();
        assertThat(policy.retires("quick", "Online", lastPing, NOW)).isFalse();
        assertThatThrownBy(() -> new ConnectionLostPolicy(Duration.ZERO, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void registered(String managedInstanceId) {
        enrollments.claim(enrollment, NOW);
        enrollments.markIssued(enrollment, "act-1", new SealedCode("jwe", "k1"), NOW.plus(Duration.ofHours(24)));
        enrollments.markRegistered(account.accountId(), "act-1", enrollment.enrollmentId(), managedInstanceId);
        ssm.register(account, managedInstanceId, "act-1", Map.of());
        ssm.activation(account, "act-1", false, 1);
        nodes.of
                .computeIfAbsent(account.accountId(), id -> new ArrayList<>())
                .add(new EnrolledNode(
                        managedInstanceId,
                        enrollment.enrollmentId(),
                        enrollment.tenantId(),
                        enrollment.provider(),
                        enrollment.cloudAccountId(),
                        enrollment.cloudAccountName(),
                        enrollment.instanceId(),
                        enrollment.hostname(),
                        enrollment.operatingSystem(),
                        enrollment.patchGroup(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }

    private RetirementOrder order() {
        return new RetirementOrder(
                new CloudAccountKey(enrollment.provider(), enrollment.cloudAccountId()),
                enrollment.instanceId(),
                RetirementReason.REQUESTED,
                Optional.of("admin@acme"),
                Optional.of("req-1"));
    }

    /** Enrolled nodes per account. */
    private static final class Nodes implements NodeStates, NodeRoster {

        final Map<String, List<EnrolledNode>> of = new LinkedHashMap<>();

        @Override
        public List<EnrolledNode> ofAccount(String accountId) {
            return List.copyOf(of.getOrDefault(accountId, List.of()));
        }

        @Override
        public void markPublished(
                String accountId,
                String managedInstanceId,
                String operationMarker,
                String fingerprint,
                ResultBytes result,
                Instant at) {}

        @Override
        public List<EnrolledNode> identitiesOf(String accountId) {
            return ofAccount(accountId);
        }

        @Override
        public int count(String accountId) {
            return ofAccount(accountId).size();
        }

        @Override
        public void remove(String accountId, String managedInstanceId) {
            of.getOrDefault(accountId, new ArrayList<>())
                    .removeIf(n -> n.managedInstanceId().equals(managedInstanceId));
        }
    }

    /** The first claim of an enrollment wins, as the LWT decides it. */
    private static final class Store implements RetirementStore {

        private final Map<String, Retirement> claimed = new LinkedHashMap<>();
        private final Set<String> published = new HashSet<>();

        @Override
        public Claim claim(Retirement retirement) {
            Retirement existing = claimed.putIfAbsent(retirement.enrollmentId(), retirement);
            return existing == null
                    ? new Claim(retirement, true, false)
                    : new Claim(existing, false, published.contains(existing.enrollmentId()));
        }

        @Override
        public void markPublished(String systemAccountId, String enrollmentId) {
            published.add(enrollmentId);
        }

        @Override
        public List<Retirement> unfinished(String systemAccountId) {
            return claimed.values().stream()
                    .filter(r -> r.systemAccountId().equals(systemAccountId) && !published.contains(r.enrollmentId()))
                    .toList();
        }
    }

    /** What was published; down, it throws as an unacknowledged send does. */
    private static final class Events implements RetirementEvents {

        final List<Retirement> published = new ArrayList<>();
        boolean down;

        @Override
        public void retired(Retirement retirement) {
            if (down) {
                throw new IllegalStateException("could not publish to instance.retired");
            }
            published.add(retirement);
        }
    }
}
