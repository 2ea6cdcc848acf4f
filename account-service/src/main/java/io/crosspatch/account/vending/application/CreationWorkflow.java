package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.application.OrganizationsGateway.CreationStatus;
import io.crosspatch.account.vending.application.OrganizationsGateway.ExistingAccount;
import io.crosspatch.account.vending.domain.AccountTags;
import io.crosspatch.account.vending.domain.Backoff;
import io.crosspatch.account.vending.domain.CreationDecision;
import io.crosspatch.account.vending.domain.FailureClassifier;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes one system account one step further — at most one state transition, each written with a
 * compare-and-set on the row's version before (CreateAccount) or after (everything else) the AWS call:
 * <pre>
 * QUEUED ──CreateAccount──▶ CREATING ──SUCCEEDED──▶ CONFIGURING ──roles──▶ READY
 *    │  (REQUESTING while the outcome is unknown: search by name and e-mail before sending again)
 *    └──────────── terminal FailureReason or error ──────────────▶ FAILED
 * </pre>
 * The REQUESTING write happens before CreateAccount is sent, so a crash between sending and recording the
 * request id leaves a row that says "look before you create": exactly one account per cloud account.
 */
@Service
public class CreationWorkflow {

    private static final Logger log = LoggerFactory.getLogger(CreationWorkflow.class);

    private final SystemAccountRepository accounts;
    private final OrganizationsGateway organizations;
    private final OutcomeDelivery delivery;
    private final VendingProperties properties;
    private final Clock clock;
    private final Backoff pollBackoff;
    private final Backoff retryBackoff;
    private final CreationRateLimiter createLimiter;

    public CreationWorkflow(
            SystemAccountRepository accounts,
            OrganizationsGateway organizations,
            OutcomeDelivery delivery,
            VendingProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
        this.pollBackoff = new Backoff(properties.pollBackoffInitial(), properties.pollBackoffMax());
        this.retryBackoff = new Backoff(properties.retryBackoffInitial(), properties.retryBackoffMax());
        this.createLimiter =
                new CreationRateLimiter(properties.createAccountRatePerSecond(), properties.createAccountBurst());
    }

    /** One step for {@code account}; {@code mayStartCreation} says whether a creation slot is free. */
    void advance(SystemAccount account, boolean mayStartCreation) {
        switch (account.state()) {
            case QUEUED -> {
                if (mayStartCreation && createLimiter.tryAcquire()) {
                    create(account);
                }
            }
            case REQUESTING -> recover(account);
            case CREATING -> poll(account);
            case CONFIGURING -> configure(account);
            case READY, FAILED -> settle(account);
        }
    }

    private void create(SystemAccount queued) {
        Instant now = clock.instant();
        SystemAccount requesting = queued.requesting(now);
        if (!accounts.transition(requesting)) {
            return;
        }
        try {
            String requestId = organizations.createAccount(
                    queued.email(), queued.accountName(), AccountTags.of(queued.key(), queued.tenantId()));
            log.info("CreateAccount {} sent for {}", requestId, queued.key());
            save(requesting.creating(
                    requestId, clock.instant(), clock.instant().plus(properties.pollBackoffInitial())));
        } catch (AwsCallException e) {
            CreationDecision decision =
                    FailureClassifier.forCreateAccountError(e.errorCode(), e.reason(), e.statusCode());
            String reason = FailureClassifier.reasonCode(e.errorCode(), e.reason());
            log.warn(
                    "CreateAccount for {} failed: {} {} → {} ({})",
                    queued.key(),
                    e.errorCode(),
                    e.reason(),
                    decision,
                    e.getMessage());
            switch (decision) {
                case RETRY_LATER, CREATE_AGAIN ->
                    save(retry(requesting, SystemAccountState.QUEUED, reason, e.getMessage()));
                case TERMINAL -> fail(requesting, reason, e.getMessage());
                default -> save(retry(requesting, SystemAccountState.REQUESTING, reason, e.getMessage()));
            }
        }
    }

    /** The outcome of a CreateAccount is unknown: adopt what it made, else queue it again. */
    private void recover(SystemAccount account) {
        try {
            Optional<ExistingAccount> existing = organizations.findAccount(account.email());
            if (existing.isPresent()) {
                adoptOrFail(account, existing.get());
                return;
            }
            Optional<CreationStatus> creation = organizations.findCreation(account.accountName());
            if (creation.isPresent()) {
                log.info(
                        "found creation {} of {} after an unknown outcome: following it",
                        creation.get().requestId(),
                        account.key());
                save(account.adoptedRequest(creation.get().requestId(), clock.instant()));
            } else {
                log.info("no creation of {} found after an unknown outcome: queueing it again", account.key());
                save(account.retry(
                        SystemAccountState.QUEUED, "NOT_FOUND", "no creation found", clock.instant(), clock.instant()));
            }
        } catch (AwsCallException e) {
            save(retry(account, SystemAccountState.REQUESTING, e.errorCode(), e.getMessage()));
        }
    }

    private void poll(SystemAccount account) {
        CreationStatus status;
        try {
            status = organizations.describeCreation(Objects.requireNonNull(account.createRequestId()));
        } catch (AwsCallException e) {
            save(retry(account, SystemAccountState.CREATING, e.errorCode(), e.getMessage()));
            return;
        }
        if (status.inProgress()) {
            save(account.pollAgain(
                    clock.instant().plus(pollBackoff.delay(account.attempts(), random())), clock.instant()));
        } else if (status.succeeded()) {
            log.info("account {} created for {}", status.accountId(), account.key());
            SystemAccount created = account.created(status.accountId(), clock.instant());
            if (save(created)) {
                configure(created);
            }
        } else {
            failedCreation(account, status.failureReason());
        }
    }

    private void failedCreation(SystemAccount account, String failureReason) {
        CreationDecision decision = FailureClassifier.forFailureReason(failureReason);
        log.warn(
                "creation {} of {} FAILED with {} → {}",
                account.createRequestId(),
                account.key(),
                failureReason,
                decision);
        String message = "CreateAccount failed: " + failureReason;
        switch (decision) {
            case CREATE_AGAIN -> {
                if (account.createRequests() >= properties.maxCreateRequests()) {
                    fail(account, failureReason, message + " (" + account.createRequests() + " requests)");
                } else {
                    save(retry(account, SystemAccountState.QUEUED, failureReason, message));
                }
            }
            case FIND_EXISTING -> save(retry(account, SystemAccountState.REQUESTING, failureReason, message));
            case ADOPT_IF_OURS -> {
                try {
                    Optional<ExistingAccount> existing = organizations.findAccount(account.email());
                    if (existing.isPresent()) {
                        adoptOrFail(account, existing.get());
                    } else {
                        fail(account, failureReason, message);
                    }
                } catch (AwsCallException e) {
                    save(retry(account, SystemAccountState.CREATING, e.errorCode(), e.getMessage()));
                }
            }
            default -> fail(account, failureReason, message);
        }
    }

    private void adoptOrFail(SystemAccount account, ExistingAccount existing) {
        if (AccountTags.belongTo(existing.tags(), account.key(), account.tenantId())) {
            log.info("account {} with e-mail of {} is ours: adopting it", existing.accountId(), account.key());
            SystemAccount created = account.created(existing.accountId(), clock.instant());
            if (save(created)) {
                configure(created);
            }
        } else {
            fail(
                    account,
                    "EMAIL_ALREADY_EXISTS",
                    "the e-mail " + account.email() + " belongs to account " + existing.accountId()
                            + ", which is not this cloud account's");
        }
    }

    private void configure(SystemAccount account) {
        try {
            String roleArn = organizations.makeUsable(Objects.requireNonNull(account.accountId()));
            SystemAccount ready = account.ready(roleArn, organizations.ssmServiceRoleName(), clock.instant());
            if (save(ready)) {
                log.info("system account {} of {} is ready", account.accountId(), account.key());
                settle(ready);
            }
        } catch (AwsCallException e) {
            Duration waited = Duration.between(account.stateSince(), clock.instant());
            if (!FailureClassifier.isRetryableReadError(e.errorCode(), e.statusCode())
                    || waited.compareTo(properties.roleAssumableTimeout()) > 0) {
                fail(account, "ACCOUNT_NOT_USABLE", e.errorCode() + ": " + e.getMessage());
            } else {
                log.info(
                        "account {} of {} not usable yet ({}): retrying",
                        account.accountId(),
                        account.key(),
                        e.errorCode());
                save(retry(account, SystemAccountState.CONFIGURING, e.errorCode(), e.getMessage()));
            }
        }
    }

    private void fail(SystemAccount account, @Nullable String reason, @Nullable String message) {
        SystemAccount failed = account.failed(reason, message, clock.instant());
        if (save(failed)) {
            log.warn("system account of {} FAILED: {} ({})", account.key(), reason, message);
            settle(failed);
        }
    }

    /** Publishes to the waiting enrollments and takes the account off the work list once none waits. */
    private void settle(SystemAccount account) {
        if (delivery.deliverAll(account)) {
            accounts.removeWork(account.bucket(), account.key());
        } else {
            accounts.markWork(account.pollAgain(clock.instant().plus(properties.publicationLease()), clock.instant()));
        }
    }

    private SystemAccount retry(
            SystemAccount account, SystemAccountState next, @Nullable String reason, @Nullable String message) {
        Instant now = clock.instant();
        return account.retry(next, reason, message, now.plus(retryBackoff.delay(account.attempts(), random())), now);
    }

    private boolean save(SystemAccount next) {
        boolean written = accounts.transition(next);
        if (written) {
            accounts.markWork(next);
        } else {
            log.debug("{} moved on concurrently; dropping step to {}", next.key(), next.state());
        }
        return written;
    }

    private static java.util.function.DoubleSupplier random() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }
}
