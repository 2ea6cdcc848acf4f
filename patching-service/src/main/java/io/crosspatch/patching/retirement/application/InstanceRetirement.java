package io.crosspatch.patching.retirement.application;

import io.crosspatch.patching.activation.application.EnrollmentStore;
import io.crosspatch.patching.activation.domain.AccountActivation;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.StoredEnrollment;
import io.crosspatch.patching.retirement.domain.Retirement;
import io.crosspatch.patching.retirement.domain.RetirementOrder;
import io.crosspatch.patching.retirement.domain.RetirementReason;
import io.crosspatch.patching.systemaccount.application.AccountLedger;
import io.crosspatch.patching.systemaccount.application.ManagedNodes;
import io.crosspatch.patching.systemaccount.application.NodeRoster;
import io.crosspatch.patching.systemaccount.application.NodeStates;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Retires enrolled instances: deregisters the managed node (one already gone is fine), deletes the activation
 * (likewise), forgets the node and marks the enrollment RETIRED, and publishes {@code instance.retired} — every SSM
 * call under the account's request budget ({@link ManagedNodes}).
 *
 * <p>Each retirement is claimed in the {@link RetirementStore} first, with its event id and time, and marked done
 * last: a duplicate request or a second sweep finds it claimed and does nothing, and one interrupted half-way is
 * finished by {@link #resumeUnfinished} with the same event, so nothing is done twice and nothing is lost. The node
 * is forgotten only after the event went out, so a redelivered request still finds what it has to finish.
 *
 * <p>{@link #retire(RetirementOrder)} is the entry point for anyone who names an instance (an admin's request, the
 * offboarding of an account, for each of its instances); the automatic paths hand over what they already read.
 */
@Service
public class InstanceRetirement {

    private static final Logger log = LoggerFactory.getLogger(InstanceRetirement.class);

    private final AccountLedger accounts;
    private final NodeStates nodes;
    private final NodeRoster removal;
    private final EnrollmentStore enrollments;
    private final ManagedNodes ssm;
    private final RetirementStore store;
    private final RetirementEvents events;
    private final Clock clock;

    public InstanceRetirement(
            AccountLedger accounts,
            NodeStates nodes,
            NodeRoster removal,
            EnrollmentStore enrollments,
            ManagedNodes ssm,
            RetirementStore store,
            RetirementEvents events,
            Clock clock) {
        this.accounts = accounts;
        this.nodes = nodes;
        this.removal = removal;
        this.enrollments = enrollments;
        this.ssm = ssm;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Retires the instance's current enrollments in every system account of its cloud account: its registered node
     * and any activation still waiting for it. Answers how many this call retired (0 when the instance is unknown or
     * already retired: repeating an order is harmless).
     */
    public int retire(RetirementOrder order) {
        int retired = 0;
        for (KnownAccount known : accounts.all()) {
            if (known.cloudAccountKey().equals(order.cloudAccount())) {
                retired += retireIn(
                        known.account(),
                        order.instanceId()::equals,
                        order.reason(),
                        order.requestedBy(),
                        order.requestId());
            }
        }
        if (retired == 0) {
            log.info(
                    "nothing to retire for instance {} of {} ({}): unknown or already retired",
                    order.instanceId(),
                    order.cloudAccount(),
                    order.reason());
        }
        return retired;
    }

    /**
     * Retires every instance of one system account — each registered node and each activation still waiting — as
     * offboarding does ({@link RetirementReason#ACCOUNT_OFFBOARDED}). It takes the system account itself rather than
     * the cloud account, because offboarding stops scheduling the account (forgets it) before it retires the nodes.
     * Answers how many enrollments this call retired; repeating it retires nothing twice.
     */
    public int retireSystemAccount(
            SystemAccountRef account,
            RetirementReason reason,
            Optional<String> requestedBy,
            Optional<String> requestId) {
        return retireIn(account, instanceId -> true, reason, requestedBy, requestId);
    }

    private int retireIn(
            SystemAccountRef account,
            Predicate<String> instance,
            RetirementReason reason,
            Optional<String> requestedBy,
            Optional<String> requestId) {
        int retired = 0;
        for (EnrolledNode node : nodes.ofAccount(account.accountId())) {
            if (instance.test(node.instanceId()) && retireNode(account, node, reason, requestedBy, requestId)) {
                retired++;
            }
        }
        for (AccountActivation activation : enrollments.activationsOf(account.accountId())) {
            if (!activation.pending()) {
                continue;
            }
            Optional<StoredEnrollment> stored = enrollments.find(activation.enrollmentId(), account);
            if (stored.isPresent()
                    && instance.test(stored.get().enrollment().instanceId())
                    && carryOut(
                            account,
                            retirement(
                                    stored.get().enrollment(),
                                    null,
                                    activation.activationId(),
                                    reason,
                                    requestedBy,
                                    requestId))) {
                retired++;
            }
        }
        return retired;
    }

    /** Retires a registered node (the automatic path, which read it already); true when this call retired it. */
    public boolean retireNode(
            SystemAccountRef account,
            EnrolledNode node,
            RetirementReason reason,
            Optional<String> requestedBy,
            Optional<String> requestId) {
        Optional<StoredEnrollment> stored = enrollments.find(node.enrollmentId(), account);
        @Nullable
        String activationId = stored.map(StoredEnrollment::activationId).orElse(null);
        Retirement retirement = new Retirement(
                account.accountId(),
                node.enrollmentId(),
                node.tenantId(),
                node.provider(),
                node.cloudAccountId(),
                node.instanceId(),
                Optional.of(node.managedInstanceId()),
                Optional.ofNullable(activationId),
                reason,
                requestedBy,
                requestId,
                UUID.randomUUID(),
                clock.instant());
        return carryOut(account, retirement);
    }

    /** Retires an enrollment whose activation expired unused (and was deleted); true when this call did. */
    public boolean retireExpired(SystemAccountRef account, Enrollment enrollment, String activationId) {
        return carryOut(
                account,
                retirement(
                        enrollment,
                        null,
                        activationId,
                        RetirementReason.ACTIVATION_EXPIRED,
                        Optional.empty(),
                        Optional.empty()));
    }

    /** Finishes the account's retirements that were interrupted half-way; answers how many. */
    public int resumeUnfinished(SystemAccountRef account) {
        int resumed = 0;
        for (Retirement retirement : store.unfinished(account.accountId())) {
            log.info(
                    "finishing the interrupted retirement of enrollment {} (instance {})",
                    retirement.enrollmentId(),
                    retirement.instanceId());
            undo(account, retirement);
            resumed++;
        }
        return resumed;
    }

    private Retirement retirement(
            Enrollment enrollment,
            @Nullable String managedInstanceId,
            @Nullable String activationId,
            RetirementReason reason,
            Optional<String> requestedBy,
            Optional<String> requestId) {
        return new Retirement(
                enrollment.account().accountId(),
                enrollment.enrollmentId(),
                enrollment.tenantId(),
                enrollment.provider(),
                enrollment.cloudAccountId(),
                enrollment.instanceId(),
                Optional.ofNullable(managedInstanceId),
                Optional.ofNullable(activationId),
                reason,
                requestedBy,
                requestId,
                UUID.randomUUID(),
                clock.instant());
    }

    private boolean carryOut(SystemAccountRef account, Retirement wanted) {
        RetirementStore.Claim claim = store.claim(wanted);
        if (claim.published()) {
            log.debug("enrollment {} is already retired", wanted.enrollmentId());
            return false;
        }
        undo(account, claim.retirement());
        return claim.claimedNow();
    }

    private void undo(SystemAccountRef account, Retirement retirement) {
        retirement.managedInstanceId().ifPresent(node -> {
            if (!ssm.deregister(account, node)) {
                log.debug("node {} was already deregistered", node);
            }
        });
        retirement.activationId().ifPresent(activation -> {
            if (!ssm.deleteActivation(account, activation)) {
                log.debug("activation {} was already deleted", activation);
            }
        });
        events.retired(retirement);
        retirement.managedInstanceId().ifPresent(node -> removal.remove(account.accountId(), node));
        enrollments.markRetired(account.accountId(), retirement.activationId().orElse(null), retirement.enrollmentId());
        store.markPublished(account.accountId(), retirement.enrollmentId());
        log.info(
                "retired instance {} of {} (enrollment {}, node {}): {}",
                retirement.instanceId(),
                retirement.cloudAccountKey(),
                retirement.enrollmentId(),
                retirement.managedInstanceId().orElse("none"),
                retirement.reason());
    }
}
