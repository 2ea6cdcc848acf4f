package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.AccountNaming;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes a verified enrollment in without ever waiting for AWS: it is recorded as waiting, the creation is
 * claimed for its cloud account if nobody has claimed it (a conditional insert — the once-and-only-once point),
 * and an account that is already settled answers at once. Everything slow happens in the {@link VendingDriver},
 * so records of other cloud accounts on the same partition keep flowing.
 */
@Service
public class EnrollmentIntake {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentIntake.class);
    private static final int READY_CACHE_SIZE = 10_000;
    private static final Duration READY_CACHE_TTL = Duration.ofSeconds(30);

    private final SystemAccountRepository accounts;
    private final WaitingEnrollments enrollments;
    private final OutcomeDelivery delivery;
    private final AccountNaming naming;
    private final Clock clock;
    private final SystemAccountHistory history;
    private final Map<CloudAccountKey, Remembered> readyAccounts = new ConcurrentHashMap<>();

    public EnrollmentIntake(
            SystemAccountRepository accounts,
            WaitingEnrollments enrollments,
            OutcomeDelivery delivery,
            AccountNaming naming,
            SystemAccountHistory history,
            Clock clock) {
        this.accounts = accounts;
        this.history = history;
        this.enrollments = enrollments;
        this.delivery = delivery;
        this.naming = naming;
        this.clock = clock;
    }

    /**
     * @param verified the verified enrollment
     * @param bucket   the partition the event arrived on: the work-list bucket of its cloud account
     */
    public void accept(VerifiedEnrollment verified, int bucket) {
        CloudAccountKey key = verified.key();
        Instant now = clock.instant();
        WaitingEnrollment enrollment =
                new WaitingEnrollment(key, verified.enrollmentId(), verified.identity(), now, null);
        Optional<WaitingEnrollment> known = enrollments.recordIfAbsent(enrollment);
        if (known.isPresent() && known.get().resolved()) {
            log.debug(
                    "duplicate identity.verified {} for {}: already answered {}",
                    enrollment.enrollmentId(),
                    key,
                    known.get().outcome());
            return;
        }
        Remembered remembered = readyAccounts.get(key);
        SystemAccount account = remembered != null && remembered.until().isAfter(now) ? remembered.account() : null;
        if (account == null) {
            account = accounts.find(key).orElse(null);
        }
        if (account == null) {
            int generation = history.generations(key);
            SystemAccount claim = SystemAccount.claim(
                    new SystemAccount.CloudAccount(key, verified.tenantId(), verified.awsRegion(), bucket),
                    new SystemAccount.AccountRequest(
                            naming.email(key, verified.tenantId(), generation),
                            naming.accountName(key, verified.tenantId(), generation),
                            enrollment.enrollmentId()),
                    now);
            accounts.markWork(claim);
            if (accounts.claim(claim)) {
                log.info("claimed system account creation for {} (enrollment {})", key, enrollment.enrollmentId());
                return;
            }
            account = accounts.find(key).orElseThrow();
        }
        if (account.state().isFinal()) {
            remember(account, now);
            if (!delivery.deliver(account, enrollment)) {
                accounts.markWork(account);
            }
        } else {
            accounts.markWork(account);
            log.debug("enrollment {} waits for {} ({})", enrollment.enrollmentId(), key, account.state());
        }
    }

    /** The cloud account's system account was released or reset: its next enrollment must read the row again. */
    public void forget(CloudAccountKey key) {
        readyAccounts.remove(key);
    }

    /**
     * READY holds until offboarding releases the account, so a ready account is kept in memory for a short while and
     * spares a read per enrollment of a busy account. The while is short because the release may be taken in by
     * another instance, whose {@link #forget} does not reach this one.
     */
    private void remember(SystemAccount account, Instant now) {
        if (account.state() == SystemAccountState.READY) {
            if (readyAccounts.size() >= READY_CACHE_SIZE) {
                readyAccounts.clear();
            }
            readyAccounts.put(account.key(), new Remembered(account, now.plus(READY_CACHE_TTL)));
        }
    }

    private record Remembered(SystemAccount account, Instant until) {}
}
