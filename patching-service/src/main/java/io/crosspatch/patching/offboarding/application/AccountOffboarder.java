package io.crosspatch.patching.offboarding.application;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.offboarding.domain.AccountOffboarding;
import io.crosspatch.patching.offboarding.domain.OffboardingStep;
import io.crosspatch.patching.retirement.application.InstanceRetirement;
import io.crosspatch.patching.retirement.domain.RetirementReason;
import io.crosspatch.patching.systemaccount.application.AccountLedger;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.patching.systemaccount.application.ReleasedSystemAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Empties the system account of an offboarded cloud account, step by step, writing the step reached after each
 * ({@link OffboardingStep}): (1) stop — the account issues no activation any more (an enrollment in flight fails with
 * {@code ACCOUNT_OFFBOARDED}) and is forgotten by the schedules, so no reconcile puts back what the next steps
 * remove; (2) retire every enrolled node and waiting activation, each as one instance is retired
 * ({@code instance.retired}, reason {@code ACCOUNT_OFFBOARDED}); (3) delete the remaining activations; (4) remove the SSM configuration; (5)
 * forget what was recorded of its activations and nodes; then publish {@code account.released} for account-service.
 *
 * <p>Taking in {@code account.offboarded} opens one offboarding per system account of the cloud account (a
 * conditional insert) and advances it at once; a duplicate finds it open or done and does nothing twice. A step that
 * fails (an AWS outage) leaves the offboarding where it was, and the {@link OffboardingDriver} resumes it.
 */
@Service
public class AccountOffboarder {

    private static final Logger log = LoggerFactory.getLogger(AccountOffboarder.class);

    private final AccountOffboardings offboardings;
    private final AccountLedger ledger;
    private final KnownAccounts accounts;
    private final ReleasedSystemAccounts released;
    private final InstanceRetirement retirement;
    private final SystemAccountCleanup cleanup;
    private final ReleasePublisher publisher;
    private final Clock clock;

    public AccountOffboarder(
            AccountOffboardings offboardings,
            AccountLedger ledger,
            KnownAccounts accounts,
            ReleasedSystemAccounts released,
            InstanceRetirement retirement,
            SystemAccountCleanup cleanup,
            ReleasePublisher publisher,
            Clock clock) {
        this.offboardings = offboardings;
        this.ledger = ledger;
        this.accounts = accounts;
        this.released = released;
        this.retirement = retirement;
        this.cleanup = cleanup;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Takes in an offboarding: opens it for each system account the cloud account has, and advances them. */
    public void offboard(OffboardingRequest request) {
        CloudAccountKey key = request.cloudAccountKey();
        Set<String> open = offboardings.of(key).stream()
                .map(offboarding -> offboarding.account().accountId())
                .collect(Collectors.toSet());
        List<KnownAccount> known = ledger.all().stream()
                .filter(account -> account.cloudAccountKey().equals(key))
                .toList();
        for (KnownAccount account : known) {
            if (!open.contains(account.account().accountId())) {
                offboardings.open(new AccountOffboarding(
                        key,
                        request.tenantId(),
                        account.account(),
                        OffboardingStep.STOPPED,
                        request.offboardedAt(),
                        clock.instant()));
            }
        }
        List<AccountOffboarding> current = offboardings.of(key);
        if (current.stream().allMatch(offboarding -> offboarding.step().done())) {
            log.debug("account.offboarded for {}: nothing left to do", key);
            return;
        }
        for (AccountOffboarding offboarding : current) {
            if (offboarding.step().done()) {
                continue;
            }
            try {
                advance(offboarding);
            } catch (RuntimeException e) {
                log.warn(
                        "offboarding of system account {} stopped after {}; the driver resumes it",
                        offboarding.account().accountId(),
                        offboarding.step(),
                        e);
            }
        }
    }

    /** Takes the offboarding through its remaining steps; a failing step leaves it for the driver's next round. */
    public void advance(AccountOffboarding offboarding) {
        AccountOffboarding at = offboarding;
        if (at.step() == OffboardingStep.STOPPED) {
            stop(at);
        }
        while (!at.step().done()) {
            OffboardingStep next = at.step().next();
            take(next, at);
            at = at.advancedTo(next, clock.instant());
            offboardings.save(at);
        }
        log.info(
                "system account {} of offboarded {} emptied and released",
                at.account().accountId(),
                at.cloudAccountKey());
    }

    /** Step 1, repeated on every resume: cheap, idempotent, and what keeps the account from filling again. */
    private void stop(AccountOffboarding offboarding) {
        released.markReleased(offboarding.account().accountId(), offboarding.cloudAccountKey(), clock.instant());
        // off the schedules only: the records of its activations and nodes are what the next step retires
        accounts.unschedule(offboarding.account().accountId());
    }

    private void take(OffboardingStep step, AccountOffboarding offboarding) {
        switch (step) {
            case NODES_RETIRED -> retireNodes(offboarding);
            case ACTIVATIONS_DELETED -> cleanup.deleteActivations(offboarding.account());
            case CONFIGURATION_REMOVED -> cleanup.removeConfiguration(offboarding.account());
            case FORGOTTEN -> accounts.forget(offboarding.account().accountId());
            case RELEASED -> publisher.released(offboarding, clock.instant());
            case STOPPED -> stop(offboarding);
        }
    }

    /**
     * Retires every instance the account's records know (each announced with {@code instance.retired}), then
     * deregisters whatever SSM still holds: an agent that registered after the registration watcher's last look.
     */
    private void retireNodes(AccountOffboarding offboarding) {
        int retired = retirement.retireSystemAccount(
                offboarding.account(), RetirementReason.ACCOUNT_OFFBOARDED, Optional.empty(), Optional.empty());
        int strays = cleanup.deregisterRemainingNodes(offboarding.account());
        log.info(
                "offboarding of system account {}: {} instances retired, {} unrecorded nodes deregistered",
                offboarding.account().accountId(),
                retired,
                strays);
    }
}
