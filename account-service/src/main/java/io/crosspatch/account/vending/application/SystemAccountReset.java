package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An operator's reset of a FAILED system account: the failed row is archived (who reset it, when, why it had failed)
 * and removed, so the cloud account's next enrollment starts a fresh creation under a new e-mail address and name
 * (an account Organizations half-made under the old ones is never adopted by mistake). Only FAILED may be reset: any
 * other state is either settled and in use or still being driven, and a reset would lose track of an AWS account.
 */
@Service
public class SystemAccountReset {

    private static final Logger log = LoggerFactory.getLogger(SystemAccountReset.class);

    private final SystemAccountRepository accounts;
    private final SystemAccountHistory history;
    private final EnrollmentIntake intake;
    private final Clock clock;

    public SystemAccountReset(
            SystemAccountRepository accounts, SystemAccountHistory history, EnrollmentIntake intake, Clock clock) {
        this.accounts = accounts;
        this.history = history;
        this.intake = intake;
        this.clock = clock;
    }

    /** The outcome of a reset. */
    public enum Outcome {
        RESET,
        NOT_FOUND,
        NOT_FAILED
    }

    public Outcome reset(CloudAccountKey key, String operator) {
        SystemAccount account = accounts.find(key).orElse(null);
        if (account == null) {
            return Outcome.NOT_FOUND;
        }
        if (account.state() != SystemAccountState.FAILED) {
            return Outcome.NOT_FAILED;
        }
        history.archive(account, "RESET", operator, clock.instant());
        intake.forget(key);
        if (!accounts.remove(account)) {
            return Outcome.NOT_FAILED;
        }
        log.info(
                "audit: operator {} reset the FAILED system account of {} (failure {}); the next enrollment creates a new one",
                operator,
                key,
                account.failureReason());
        return Outcome.RESET;
    }
}
