package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountClosure;
import io.crosspatch.account.vending.domain.SystemAccountState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes in {@code account.released}: the system account of an offboarded cloud account is handed over to closure
 * ({@link ClosureDriver}, after the grace period {@code crosspatch.accounts.close-after}) and the cloud account's
 * live row is archived and removed, so a re-onboarded account creates a new system account at its next enrollment and
 * the released one is never handed out again. Each step is idempotent and the live row is removed last, so a crash
 * anywhere is repaired by the redelivery; a duplicate finds no live row of that AWS account and does nothing.
 */
@Service
public class AccountRelease {

    private static final Logger log = LoggerFactory.getLogger(AccountRelease.class);
    static final String RELEASED_BY = "patching-service";

    private final SystemAccountRepository accounts;
    private final AccountClosures closures;
    private final SystemAccountHistory history;
    private final EnrollmentIntake intake;
    private final VendingProperties properties;
    private final Clock clock;

    public AccountRelease(
            SystemAccountRepository accounts,
            AccountClosures closures,
            SystemAccountHistory history,
            EnrollmentIntake intake,
            VendingProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.closures = closures;
        this.history = history;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    public void release(ReleasedAccount released) {
        Optional<SystemAccount> live = accounts.find(released.key());
        if (live.isEmpty()
                || live.get().state() != SystemAccountState.READY
                || !released.systemAccountId().equals(live.get().accountId())) {
            log.debug(
                    "account.released for {} ({}) ignored: its live system account is {}",
                    released.key(),
                    released.systemAccountId(),
                    live.map(account -> account.accountId() + " " + account.state())
                            .orElse("gone"));
            return;
        }
        SystemAccount account = live.get();
        Instant now = clock.instant();
        Instant closeAt = now.plus(properties.closeAfter());
        if (closures.open(SystemAccountClosure.released(account, released.systemAccountId(), closeAt, now))) {
            log.info(
                    "system account {} of {} released; CloseAccount due at {}",
                    released.systemAccountId(),
                    released.key(),
                    closeAt);
        }
        history.archive(account, "RELEASED", RELEASED_BY, now);
        intake.forget(account.key());
        if (!accounts.remove(account)) {
            log.debug("the live row of {} changed meanwhile; the redelivery looks again", account.key());
        }
    }
}
