package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.AppliedChanges;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reconciles every system account this instance looks after ({@link OwnedAccounts}: the accounts whose cloud account
 * key falls in an {@code account.ready} partition it owns, so each account is reconciled by one instance only) once
 * per {@code crosspatch.patching.reconcile.interval}, whether or not a VM enrolls: a changed policy reaches every
 * account within one interval, and drift is repaired.
 *
 * <p>Paced, on one thread of its own: the N owned accounts are started {@code interval / N} apart, one at a time,
 * so the pass is spread over the interval instead of a burst at its start, and it never holds the scheduler thread
 * that compliance and registration sweeps share. The budget arithmetic: an unchanged account costs 42 read calls
 * (see {@code SsmReconciler}; the most of one operation, GetPatchBaseline, 24), and every call first takes a token
 * from the account's own per-API budget (default 15/s, burst 20), so one account's pass takes about 2 s of its
 * budget and at most 24 of the 54,000 GetPatchBaseline tokens an hour of it holds; the accounts' budgets are
 * separate (AWS throttles per account), so N accounts cost N such passes side by side with nothing shared but this
 * thread — about 2 s each, so 1,000 accounts fit an hour with room to spare. A pass still running when the next is
 * due makes the next one wait for the following tick rather than overlap.
 */
@Service
public class DesiredStateReconciliation {

    private static final Logger log = LoggerFactory.getLogger(DesiredStateReconciliation.class);
    private static final String INTERVAL =
            "${crosspatch.patching.reconcile.interval:" + ReconcileProperties.DEFAULT_INTERVAL + "}";

    private final OwnedAccounts accounts;
    private final KnownAccounts known;
    private final AccountConfigurer configurer;
    private final Duration interval;
    private final ExecutorService thread;
    private final AtomicBoolean running = new AtomicBoolean();

    public DesiredStateReconciliation(
            OwnedAccounts accounts,
            KnownAccounts known,
            AccountConfigurer configurer,
            ReconcileProperties properties,
            NamedExecutors executors) {
        this.accounts = accounts;
        this.known = known;
        this.configurer = configurer;
        this.interval = properties.interval();
        this.thread = executors.fixed("desired-state-reconcile", 1);
    }

    /** Starts a pass over the owned accounts on the reconciler's thread, unless the last one is still running. */
    @Scheduled(fixedRateString = INTERVAL, initialDelayString = INTERVAL)
    public void sweep() {
        if (!running.compareAndSet(false, true)) {
            log.warn("the last desired-state pass is still running; this one is skipped");
            return;
        }
        thread.execute(() -> {
            try {
                reconcileAll(accounts.list(), interval);
            } finally {
                running.set(false);
            }
        });
    }

    /**
     * Reconciles {@code owned}, one at a time, spread evenly over {@code within}; answers the changes of the accounts
     * that needed any. An account that fails is logged and left to the next pass.
     */
    public List<AppliedChanges> reconcileAll(List<KnownAccount> owned, Duration within) {
        if (owned.isEmpty()) {
            return List.of();
        }
        long spacing = within.toNanos() / owned.size();
        long start = System.nanoTime();
        List<AppliedChanges> changed = new ArrayList<>();
        for (int i = 0; i < owned.size(); i++) {
            if (!waitUntil(start + i * spacing)) {
                log.info("desired-state pass interrupted after {} of {} accounts", i, owned.size());
                break;
            }
            AppliedChanges changes = reconcileSafely(owned.get(i));
            if (changes.any()) {
                changed.add(changes);
            }
        }
        log.info("desired-state pass over {} accounts: {} changed", owned.size(), changed.size());
        return changed;
    }

    private AppliedChanges reconcileSafely(KnownAccount listed) {
        // the pass is spread over the interval: an account offboarded since the list was read is left alone, so
        // that its SSM configuration, being removed, is not put back
        Optional<KnownAccount> current = known.find(listed.account().accountId());
        if (current.isEmpty()) {
            return AppliedChanges.NONE;
        }
        KnownAccount account = current.get();
        MDC.put("cloudAccountKey", account.cloudAccountKey().toString());
        try {
            return configurer.reconcile(account);
        } catch (RuntimeException e) {
            log.warn(
                    "reconcile of system account {} failed, the next pass retries: {}",
                    account.account().accountId(),
                    e.toString());
            return AppliedChanges.NONE;
        } finally {
            MDC.remove("cloudAccountKey");
        }
    }

    /** Parks until {@code deadline} (System.nanoTime); false when interrupted (the context is closing). */
    private static boolean waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return !Thread.currentThread().isInterrupted();
    }
}
