package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.AccountPlan;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.systemaccount.application.AccountLedger;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each system account configured as the desired state says, reconciling an account only when its plan's
 * hash differs from the one recorded after the last successful reconcile: enrollments do not each cost a
 * reconcile, and a change of the desired state (or a new custom group) reaches every account once. The hash is
 * recorded only after the reconcile succeeded, so a crash half-way means the next enrollment reconciles again.
 */
@Service
public class AccountConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AccountConfigurer.class);

    private final DesiredState desiredState;
    private final AccountReconciler reconciler;
    private final KnownAccounts accounts;
    private final AccountLedger ledger;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public AccountConfigurer(
            DesiredState desiredState,
            AccountReconciler reconciler,
            KnownAccounts accounts,
            AccountLedger ledger,
            Clock clock) {
        this.desiredState = desiredState;
        this.reconciler = reconciler;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Reconciles the account if its desired state changed since it was last applied; answers the changes made. */
    public int ensureConfigured(KnownAccount account) {
        AccountPlan plan = desiredState.planFor(account.customGroups());
        String hash = plan.hash();
        if (account.appliedDesiredStateHash().filter(hash::equals).isPresent()) {
            log.debug(
                    "system account {} already holds desired state {}",
                    account.account().accountId(),
                    hash);
            return 0;
        }
        return apply(account, plan, hash);
    }

    /** Reconciles whatever the recorded hash says (an operator's repair, and the idempotency tests). */
    public int reconcile(KnownAccount account) {
        AccountPlan plan = desiredState.planFor(account.customGroups());
        return apply(account, plan, plan.hash());
    }

    private int apply(KnownAccount account, AccountPlan plan, String hash) {
        String accountId = account.account().accountId();
        synchronized (locks.computeIfAbsent(accountId, id -> new Object())) {
            Optional<String> current = accounts.find(accountId).flatMap(KnownAccount::appliedDesiredStateHash);
            int changes = reconciler.reconcile(account.account(), plan);
            ledger.markApplied(accountId, hash, clock.instant());
            log.info("system account {} now holds desired state {} (was {})", accountId, hash, current.orElse("none"));
            return changes;
        }
    }
}
