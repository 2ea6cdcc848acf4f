package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.AccountConfiguration;
import io.crosspatch.patching.desiredstate.domain.AccountPlan;
import io.crosspatch.patching.desiredstate.domain.AppliedChanges;
import io.crosspatch.patching.desiredstate.domain.ConfigurationReason;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.systemaccount.application.AccountLedger;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.patching.systemaccount.application.NodeStates;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each system account configured as the desired state says, on two paths. An enrollment
 * ({@link #ensureConfigured}) reconciles only when the account's plan hash differs from the one recorded after its
 * last successful reconcile, so enrollments do not each cost a reconcile. The schedule ({@link #reconcile},
 * {@link DesiredStateReconciliation}) always reads the account's SSM and repairs what differs, because drift — a
 * baseline deleted or a window edited by someone in the account — leaves the hash unchanged.
 *
 * <p>Whenever a reconcile changed something, or the account now holds another plan than it did, it publishes
 * {@code account.configured} (before the hash is recorded: a crash in between publishes again, which the readers'
 * upserts absorb); a pass that changed nothing publishes nothing. The hash is recorded only after the reconcile
 * succeeded, so a crash half-way means the next run reconciles again.
 */
@Service
public class AccountConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AccountConfigurer.class);

    private final DesiredState desiredState;
    private final AccountReconciler reconciler;
    private final KnownAccounts accounts;
    private final AccountLedger ledger;
    private final NodeStates nodes;
    private final ConfigurationEvents events;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public AccountConfigurer(
            DesiredState desiredState,
            AccountReconciler reconciler,
            KnownAccounts accounts,
            AccountLedger ledger,
            NodeStates nodes,
            ConfigurationEvents events,
            Clock clock) {
        this.desiredState = desiredState;
        this.reconciler = reconciler;
        this.accounts = accounts;
        this.ledger = ledger;
        this.nodes = nodes;
        this.events = events;
        this.clock = clock;
    }

    /** Reconciles the account if its desired state changed since it was last applied; answers the changes made. */
    public AppliedChanges ensureConfigured(KnownAccount account) {
        AccountPlan plan = desiredState.planFor(account.customGroups());
        String hash = plan.hash();
        if (account.appliedDesiredStateHash().filter(hash::equals).isPresent()) {
            log.debug(
                    "system account {} already holds desired state {}",
                    account.account().accountId(),
                    hash);
            return AppliedChanges.NONE;
        }
        return apply(account, plan, hash);
    }

    /** Reads the account's SSM and repairs whatever differs from its plan, changed or not; answers the changes. */
    public AppliedChanges reconcile(KnownAccount account) {
        AccountPlan plan = desiredState.planFor(account.customGroups());
        return apply(account, plan, plan.hash());
    }

    private AppliedChanges apply(KnownAccount account, AccountPlan plan, String hash) {
        String accountId = account.account().accountId();
        synchronized (locks.computeIfAbsent(accountId, id -> new Object())) {
            Optional<String> held = accounts.find(accountId).flatMap(KnownAccount::appliedDesiredStateHash);
            AppliedChanges changes = reconciler.reconcile(account.account(), plan);
            Instant now = clock.instant();
            if (changes.any() || held.filter(hash::equals).isEmpty()) {
                publish(account, hash, now, ConfigurationReason.of(held, hash), changes);
            }
            ledger.markApplied(accountId, hash, now);
            if (changes.any()) {
                log.info(
                        "system account {} now holds desired state {} (was {}): {}",
                        accountId,
                        hash,
                        held.orElse("none"),
                        changes);
            }
            return changes;
        }
    }

    private void publish(
            KnownAccount account, String hash, Instant at, ConfigurationReason reason, AppliedChanges changes) {
        Optional<String> tenant = account.tenantId()
                .or(() -> nodes.ofAccount(account.account().accountId()).stream()
                        .map(EnrolledNode::tenantId)
                        .findFirst());
        if (tenant.isEmpty()) {
            log.warn(
                    "system account {} was configured, but its tenant is not known yet: no account.configured until an"
                            + " enrollment records it",
                    account.account().accountId());
            return;
        }
        events.configured(new AccountConfiguration(
                tenant.get(),
                account.cloudAccountKey(),
                account.account().accountId(),
                account.account().region(),
                desiredState.version(),
                hash,
                at,
                reason,
                changes,
                desiredState.agentUpdateSchedule()));
    }
}
