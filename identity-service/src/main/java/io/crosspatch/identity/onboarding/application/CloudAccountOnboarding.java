package io.crosspatch.identity.onboarding.application;

import io.crosspatch.identity.onboarding.domain.CloudAccount;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Onboards a tenant's cloud accounts (the only thing that lets their VMs enroll) and lists them. The first tenant to
 * onboard an account owns it: the claim is a lightweight transaction, so two tenants onboarding one account at once
 * cannot both win (a check-then-write would let both pass the check and the last write silently move the account).
 * Updating an account's settings is idempotent and conditional on the owner; moving it to another tenant is refused.
 */
@Service
public class CloudAccountOnboarding {

    private static final Logger log = LoggerFactory.getLogger(CloudAccountOnboarding.class);

    private final CloudAccounts accounts;
    private final Clock clock;

    public CloudAccountOnboarding(CloudAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The outcome: the stored account and whether it was new. */
    public record Onboarded(CloudAccount account, boolean created) {}

    public Onboarded onboard(CloudAccountSettings settings) {
        CloudAccount account = settings.toAccount(clock.instant());
        try (MDC.MDCCloseable ignored =
                MDC.putCloseable("cloudAccountKey", account.key().toString())) {
            Optional<String> holder = accounts.claim(account);
            boolean created = holder.isEmpty();
            if (!created && (!holder.get().equals(account.tenantId()) || !accounts.updateSettings(account))) {
                log.warn(
                        "refused to move the cloud account from tenant {} to tenant {}",
                        holder.get(),
                        account.tenantId());
                throw new AccountOwnedByAnotherTenantException();
            }
            accounts.listUnderTenant(account);
            if (created) {
                accounts.clearOffboarded(account.key());
            }
            log.info("cloud account {} for tenant {}", created ? "onboarded" : "updated", account.tenantId());
            return new Onboarded(account, created);
        }
    }

    public List<CloudAccount> ofTenant(String tenantId) {
        return accounts.ofTenant(tenantId);
    }
}
