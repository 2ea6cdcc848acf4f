package io.crosspatch.identity.onboarding.application;

import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.domain.OffboardedAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Offboards a tenant's cloud account, or all of a tenant's: its VMs may enroll no more ({@code ACCOUNT_OFFBOARDED})
 * and {@code account.offboarded} tells patching-service to remove everything set up for it. The steps are ordered so
 * that a crash or a broker outage at any point is repaired by the admin repeating the request: the account is first
 * marked offboarded, then the event is published (and acknowledged), and only then is the account removed from its
 * tenant. A repeated request for an account already removed publishes the event again (consumers are idempotent),
 * but only while no tenant holds the account again, so no tenant can offboard an account it does not hold.
 */
@Service
public class CloudAccountOffboarding {

    private static final Logger log = LoggerFactory.getLogger(CloudAccountOffboarding.class);

    private final CloudAccounts accounts;
    private final OffboardingPublisher publisher;
    private final Clock clock;

    public CloudAccountOffboarding(CloudAccounts accounts, OffboardingPublisher publisher, Clock clock) {
        this.accounts = accounts;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Offboards one cloud account of {@code tenantId}.
     *
     * @throws CloudAccountNotFoundException when the tenant holds no such account and did not offboard it before
     */
    public OffboardedAccount offboard(String tenantId, CloudAccountKey key, String requestedBy) {
        Optional<CloudAccount> held = accounts.find(key);
        if (held.isPresent() && held.get().tenantId().equals(tenantId)) {
            return offboard(held.get(), requestedBy, false);
        }
        Optional<OffboardedAccount> before = accounts.offboarded(key);
        if (held.isEmpty() && before.isPresent() && before.get().tenantId().equals(tenantId)) {
            publisher.publish(before.get());
            log.info("audit: {} repeated the offboarding of {} (tenant {})", requestedBy, key, tenantId);
            return before.get();
        }
        throw new CloudAccountNotFoundException();
    }

    /** Offboards every cloud account of the tenant; answers them (none when the tenant has none left). */
    public List<OffboardedAccount> offboardTenant(String tenantId, String requestedBy) {
        List<OffboardedAccount> offboarded = new ArrayList<>();
        for (CloudAccount account : accounts.ofTenant(tenantId)) {
            offboarded.add(offboard(account, requestedBy, true));
        }
        log.info("audit: {} offboarded tenant {} ({} cloud accounts)", requestedBy, tenantId, offboarded.size());
        return offboarded;
    }

    private OffboardedAccount offboard(CloudAccount account, String requestedBy, boolean tenantOffboarded) {
        try (MDC.MDCCloseable ignored =
                MDC.putCloseable("cloudAccountKey", account.key().toString())) {
            OffboardedAccount offboarded = accounts.offboarded(account.key())
                    .filter(before -> before.tenantId().equals(account.tenantId()))
                    // stored and published to the millisecond, so a repeat answers exactly what the first did
                    .orElseGet(() -> new OffboardedAccount(
                            account.key(),
                            account.tenantId(),
                            requestedBy,
                            clock.instant().truncatedTo(ChronoUnit.MILLIS),
                            tenantOffboarded));
            accounts.markOffboarded(offboarded);
            publisher.publish(offboarded);
            if (!accounts.remove(account)) {
                log.warn("{} changed tenant while being offboarded; left as it is now", account.key());
            }
            log.info("audit: {} offboarded {} from tenant {}", requestedBy, account.key(), account.tenantId());
            return offboarded;
        }
    }
}
