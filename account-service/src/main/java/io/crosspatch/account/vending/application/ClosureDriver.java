package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.Backoff;
import io.crosspatch.account.vending.domain.SystemAccountClosure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the released system accounts of the buckets this instance owns once their grace period is over, with
 * Organizations CloseAccount. Closing is rare and never urgent, so it runs on its own slow schedule, one call at a
 * time. A refusal never loses the account: Organizations' closing quotas ({@code CLOSE_ACCOUNT_QUOTA_EXCEEDED}: 10 %
 * of the member accounts within a rolling 30 days; {@code CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED}: too many at once)
 * and outages keep it RELEASED with the reason shown to operators ({@code GET /v1/system-accounts/closures}) and try
 * again after {@code crosspatch.accounts.close-retry}; an account already closing or closed counts as closed.
 */
@Component
public class ClosureDriver {

    private static final Logger log = LoggerFactory.getLogger(ClosureDriver.class);
    private static final Set<String> ALREADY_CLOSED =
            Set.of("AccountAlreadyClosedException", "ConflictException", "AccountNotFoundException");

    private final AccountClosures closures;
    private final OrganizationsGateway organizations;
    private final OwnedBuckets buckets;
    private final VendingProperties properties;
    private final Clock clock;

    public ClosureDriver(
            AccountClosures closures,
            OrganizationsGateway organizations,
            OwnedBuckets buckets,
            VendingProperties properties,
            Clock clock) {
        this.closures = closures;
        this.organizations = organizations;
        this.buckets = buckets;
        this.properties = properties;
        this.clock = clock;
    }

    /** Once a second: a closure is due at most once per grace period or retry, so looking more often buys nothing. */
    @Scheduled(fixedDelay = 1000)
    public void tick() {
        for (int bucket : buckets.owned()) {
            for (SystemAccountClosure closure : closures.inBucket(bucket)) {
                if (closure.isDue(clock.instant())) {
                    close(closure);
                }
            }
        }
    }

    void close(SystemAccountClosure closure) {
        MDC.put("cloudAccountKey", closure.key().toString());
        try {
            organizations.closeAccount(closure.accountId());
            closures.save(closure.closed(null, clock.instant()));
            log.info("system account {} of {} closed", closure.accountId(), closure.key());
        } catch (AwsCallException e) {
            Instant now = clock.instant();
            if (ALREADY_CLOSED.contains(e.errorCode())) {
                closures.save(closure.closed(e.errorCode(), now));
                log.info("system account {} was closed already ({})", closure.accountId(), e.errorCode());
                return;
            }
            String reason = e.reason() != null ? e.reason() : e.errorCode();
            Duration wait = e.reason() != null
                    ? properties.closeRetry()
                    : new Backoff(properties.retryBackoffInitial(), properties.retryBackoffMax())
                            .delay(closure.attempts(), ThreadLocalRandom.current()::nextDouble);
            closures.save(closure.refused(reason, e.getMessage(), now.plus(wait), now));
            log.warn(
                    "CloseAccount of system account {} refused ({}); kept released, next try at {}",
                    closure.accountId(),
                    reason,
                    now.plus(wait));
        } finally {
            MDC.remove("cloudAccountKey");
        }
    }
}
