package io.crosspatch.patching.registration.application;

import io.crosspatch.patching.activation.application.EnrollmentEvents;
import io.crosspatch.patching.activation.application.EnrollmentStore;
import io.crosspatch.patching.activation.domain.AccountActivation;
import io.crosspatch.patching.activation.domain.ActivationPolicy;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentFailure;
import io.crosspatch.patching.activation.domain.StoredEnrollment;
import io.crosspatch.patching.systemaccount.application.AccountSweep;
import io.crosspatch.patching.systemaccount.application.EnrolledNodes;
import io.crosspatch.patching.systemaccount.application.ManagedNodes;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.ActivationStatus;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Follows activations to the nodes that registered with them. Every sweep asks SSM, in batches of 50 activation
 * ids, which nodes registered with the account's pending activations; each one found gets its tags checked (and
 * set where missing or wrong), is recorded as the enrollment's node, and {@code instance.activated} REGISTERED is
 * published; when the node belongs to a re-enrolled VM, the VM's previous node is deregistered first
 * ({@link NodeReplacement}). The less frequent audit lists every node of the account and deregisters those that registered with
 * no activation of ours (reporting them in the log, a metric and {@code unexpected_nodes}), and deletes
 * activations that expired unused, failing their enrollments at stage REGISTRATION and retiring them
 * ({@link ExpiredActivations}: {@code instance.retired} ACTIVATION_EXPIRED, so no instance is left behind).
 *
 * <p>The accounts are those this instance looks after ({@link OwnedAccounts}), watched side by side
 * ({@code registration.account-concurrency} at a time): each registration costs a read, a tag check in SSM, a write,
 * an acknowledged send and a lightweight transaction, so one account after the other registers only a handful of
 * nodes a second, and a storm across many accounts would queue behind it. Within an account the nodes stay in order,
 * under that account's client-side SSM rate.
 *
 * <p>It reaches SSM, Cassandra and Kafka only through ports ({@link ManagedNodes}, {@link EnrollmentStore},
 * {@link EnrolledNodes}, {@link UnexpectedNodes}, {@link EnrollmentEvents}), the activation feature's through its
 * application API, so its branches are tested in milliseconds against in-memory adapters.
 */
@Service
public class RegistrationWatcher {

    private static final Logger log = LoggerFactory.getLogger(RegistrationWatcher.class);
    private static final String INTERVAL =
            "${crosspatch.patching.registration.interval:" + RegistrationProperties.DEFAULT_INTERVAL + "}";
    private static final String AUDIT_INTERVAL =
            "${crosspatch.patching.registration.audit-interval:" + RegistrationProperties.DEFAULT_AUDIT_INTERVAL + "}";

    private final OwnedAccounts accounts;
    private final EnrollmentStore enrollments;
    private final EnrolledNodes nodes;
    private final UnexpectedNodes unexpected;
    private final ManagedNodes directory;
    private final NodeReplacement replacement;
    private final ActivationPolicy policy;
    private final EnrollmentEvents events;
    private final ExpiredActivations expiredActivations;
    private final Clock clock;
    private final Counter deregistered;
    private final ExecutorService pool;

    public RegistrationWatcher(
            OwnedAccounts accounts,
            EnrollmentStore enrollments,
            EnrolledNodes nodes,
            UnexpectedNodes unexpected,
            ManagedNodes directory,
            NodeReplacement replacement,
            ActivationPolicy policy,
            EnrollmentEvents events,
            ExpiredActivations expiredActivations,
            Clock clock,
            MeterRegistry meters,
            NamedExecutors executors,
            RegistrationProperties properties) {
        this.accounts = accounts;
        this.enrollments = enrollments;
        this.nodes = nodes;
        this.unexpected = unexpected;
        this.directory = directory;
        this.replacement = replacement;
        this.policy = policy;
        this.events = events;
        this.expiredActivations = expiredActivations;
        this.clock = clock;
        this.deregistered = meters.counter("crosspatch.patching.unexpected.nodes.deregistered");
        this.pool = executors.fixed("registration-watcher", properties.accountConcurrency());
    }

    /** Watches every account, side by side, and returns once all are watched (the next sweep starts an interval later). */
    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    public void sweep() {
        int registered = AccountSweep.sum(
                "registration sweep",
                accounts.list().stream().map(KnownAccount::account).toList(),
                pool,
                this::watch);
        log.debug("registration sweep: {} enrollments registered", registered);
    }

    @Scheduled(fixedDelayString = AUDIT_INTERVAL, initialDelayString = AUDIT_INTERVAL)
    public void auditAll() {
        for (KnownAccount account : accounts.list()) {
            try {
                audit(account.account());
            } catch (RuntimeException e) {
                log.warn(
                        "registration audit of system account {} failed, next audit retries: {}",
                        account.account().accountId(),
                        e.toString());
            }
        }
    }

    /** Finds the nodes of the account's pending activations; answers how many registered since the last sweep. */
    public int watch(SystemAccountRef account) {
        List<AccountActivation> pending = enrollments.activationsOf(account.accountId()).stream()
                .filter(AccountActivation::pending)
                .toList();
        Map<String, AccountActivation> byId =
                pending.stream().collect(Collectors.toMap(AccountActivation::activationId, a -> a));
        int registered = 0;
        List<EnrolledNode> enrolled = new ArrayList<>();
        boolean enrolledRead = false;
        for (int from = 0; from < pending.size(); from += ManagedNodes.BATCH) {
            List<String> ids = pending.subList(from, Math.min(pending.size(), from + ManagedNodes.BATCH)).stream()
                    .map(AccountActivation::activationId)
                    .toList();
            for (ManagedNode node : directory.nodesOfActivations(account, ids)) {
                AccountActivation activation = byId.get(node.activationId());
                if (activation == null) {
                    continue;
                }
                if (!enrolledRead) {
                    enrolled.addAll(replacement.enrolledNodes(account));
                    enrolledRead = true;
                }
                if (registered(account, activation, node, enrolled)) {
                    registered++;
                }
            }
        }
        return registered;
    }

    /**
     * Records and reports a node that registered with one of our activations. A re-enrolled VM's previous node is
     * deregistered before the new one is reported (the event names it, so the read model can drop what it still
     * reports) and forgotten after; every step is redone harmlessly if the sweep breaks off before the activation is
     * marked registered.
     */
    private boolean registered(
            SystemAccountRef account, AccountActivation activation, ManagedNode node, List<EnrolledNode> enrolled) {
        Optional<StoredEnrollment> stored = enrollments.find(activation.enrollmentId(), account);
        if (stored.isEmpty()) {
            return false;
        }
        Enrollment enrollment = stored.get().enrollment();
        Map<String, String> expected = policy.tags(enrollment);
        Map<String, String> actual = directory.tags(account, node.instanceId());
        Map<String, String> missing = new HashMap<>();
        expected.forEach((key, value) -> {
            if (!value.equals(actual.get(key))) {
                missing.put(key, value);
            }
        });
        if (!missing.isEmpty()) {
            log.info(
                    "node {} of enrollment {} lacked tags {}; setting them",
                    node.instanceId(),
                    enrollment.enrollmentId(),
                    missing.keySet());
            directory.addTags(account, node.instanceId(), missing);
        }
        EnrolledNode current = new EnrolledNode(
                node.instanceId(),
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
                Optional.empty());
        List<EnrolledNode> replaced = replacement.retire(account, current, enrolled);
        nodes.add(account.accountId(), current);
        events.registered(
                enrollment,
                node.instanceId(),
                expected,
                replaced.stream().map(EnrolledNode::managedInstanceId).findFirst());
        replacement.forget(account, replaced);
        enrolled.removeAll(replaced);
        enrolled.add(current);
        boolean first = enrollments.markRegistered(
                account.accountId(), activation.activationId(), enrollment.enrollmentId(), node.instanceId());
        log.info(
                "enrollment {} registered as {} in system account {}",
                enrollment.enrollmentId(),
                node.instanceId(),
                account.accountId());
        return first;
    }

    /** Deregisters nodes no enrollment expects and deletes activations that expired unused. */
    public AuditOutcome audit(SystemAccountRef account) {
        List<AccountActivation> activations = enrollments.activationsOf(account.accountId());
        Set<String> ours =
                activations.stream().map(AccountActivation::activationId).collect(Collectors.toSet());
        int strangers = 0;
        for (ManagedNode node : directory.allNodes(account)) {
            if (node.activationId() == null || !ours.contains(node.activationId())) {
                log.warn(
                        "node {} ({}) registered in system account {} with activation {} that matches no enrollment; "
                                + "deregistering it",
                        node.instanceId(),
                        node.computerName(),
                        account.accountId(),
                        node.activationId());
                directory.deregister(account, node.instanceId());
                unexpected.record(account.accountId(), node, clock.instant());
                deregistered.increment();
                strangers++;
            }
        }
        List<AccountActivation> pending =
                activations.stream().filter(AccountActivation::pending).toList();
        int expired = 0;
        for (int from = 0; from < pending.size(); from += ManagedNodes.BATCH) {
            List<AccountActivation> batch = pending.subList(from, Math.min(pending.size(), from + ManagedNodes.BATCH));
            Map<String, AccountActivation> byId =
                    batch.stream().collect(Collectors.toMap(AccountActivation::activationId, a -> a));
            for (ActivationStatus status : directory.activations(account, List.copyOf(byId.keySet()))) {
                if (status.expired() && status.registrations() == 0) {
                    expire(account, Objects.requireNonNull(byId.get(status.activationId())));
                    expired++;
                }
            }
        }
        return new AuditOutcome(strangers, expired);
    }

    private void expire(SystemAccountRef account, AccountActivation activation) {
        directory.deleteActivation(account, activation.activationId());
        if (enrollments.markExpired(account.accountId(), activation.activationId())) {
            enrollments.find(activation.enrollmentId(), account).ifPresent(stored -> {
                events.failed(
                        stored.enrollment(),
                        EnrollmentFailure.registration(
                                "ACTIVATION_EXPIRED",
                                "no node registered with activation " + activation.activationId()
                                        + " before it expired",
                                false));
                enrollments.markFailed(activation.enrollmentId());
                expiredActivations.expired(account, stored.enrollment(), activation.activationId());
            });
            log.info(
                    "activation {} of enrollment {} expired unused and was deleted",
                    activation.activationId(),
                    activation.enrollmentId());
        }
    }

    /** What one audit did. */
    public record AuditOutcome(int deregisteredNodes, int deletedActivations) {}
}
