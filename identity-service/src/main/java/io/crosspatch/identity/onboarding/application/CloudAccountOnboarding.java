package io.crosspatch.identity.onboarding.application;

import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Onboards a tenant's cloud accounts (the only thing that lets their VMs enroll) and lists them. Updating an
 * account's settings is idempotent; moving it to another tenant is refused.
 */
@Service
public class CloudAccountOnboarding {

    private static final Logger log = LoggerFactory.getLogger(CloudAccountOnboarding.class);

    private final CloudAccountRepository accounts;
    private final Clock clock = Clock.systemUTC();

    public CloudAccountOnboarding(CloudAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The outcome: the stored account and whether it was new. */
    public record Onboarded(CloudAccount account, boolean created) {
    }

    public Onboarded onboard(CloudAccountSettings settings) {
        CloudAccount account = settings.toAccount(clock.instant());
        try (MDC.MDCCloseable ignored = MDC.putCloseable("cloudAccountKey", account.key())) {
            Optional<CloudAccount> existing = accounts.find(account.provider(), account.cloudAccountId());
            if (existing.isPresent() && !existing.get().tenantId().equals(account.tenantId())) {
                log.warn("refused to move the cloud account from tenant {} to tenant {}", existing.get().tenantId(),
                        account.tenantId());
                throw new AccountOwnedByAnotherTenantException();
            }
            accounts.save(account);
            log.info("cloud account {} for tenant {}", existing.isPresent() ? "updated" : "onboarded", account.tenantId());
            return new Onboarded(account, existing.isEmpty());
        }
    }

    public List<CloudAccount> ofTenant(String tenantId) {
        return accounts.ofTenant(tenantId);
    }
}
