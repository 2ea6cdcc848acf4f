package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.AccountNaming;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Clock;
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

    private final SystemAccountRepository accounts;
    private final WaitingEnrollments enrollments;
    private final OutcomeDelivery delivery;
    private final AccountNaming naming;
    private final Clock clock;
    private final Map<CloudAccountKey, SystemAccount> readyAccounts = new ConcurrentHashMap<>();

    public EnrollmentIntake(
            SystemAccountRepository accounts,
            WaitingEnrollments enrollments,
            OutcomeDelivery delivery,
            AccountNaming naming,
            Clock clock) {
        this.accounts = accounts;
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
        SystemAccount account = readyAccounts.get(key);
        if (account == null) {
            account = accounts.find(key).orElse(null);
        }
        if (account == null) {
            SystemAccount claim = SystemAccount.claim(
                    new SystemAccount.CloudAccount(key, verified.tenantId(), verified.awsRegion(), bucket),
                    new SystemAccount.AccountRequest(
                            naming.email(key, verified.tenantId()),
                            naming.accountName(key, verified.tenantId()),
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
            remember(account);
            if (!delivery.deliver(account, enrollment)) {
                accounts.markWork(account);
            }
        } else {
            accounts.markWork(account);
            log.debug("enrollment {} waits for {} ({})", enrollment.enrollmentId(), key, account.state());
        }
    }

    /** READY is final, so a ready account can be kept in memory and spare a read per enrollment of a busy account. */
    private void remember(SystemAccount account) {
        if (account.state() == SystemAccountState.READY) {
            if (readyAccounts.size() >= READY_CACHE_SIZE) {
                readyAccounts.clear();
            }
            readyAccounts.put(account.key(), account);
        }
    }
}
