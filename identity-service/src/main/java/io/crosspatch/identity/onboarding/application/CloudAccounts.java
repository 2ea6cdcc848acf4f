package io.crosspatch.identity.onboarding.application;

import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.domain.OffboardedAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.util.List;
import java.util.Optional;

/**
 * The onboarded cloud accounts, by account and by tenant: the port onboarding writes through. An account's title is
 * taken atomically ({@link #claim}) and its settings changed only while the same tenant holds it
 * ({@link #updateSettings}), so two tenants onboarding one account at once cannot both win.
 */
public interface CloudAccounts extends CloudAccountDirectory {

    /**
     * Onboards the account to its tenant unless it is onboarded already.
     *
     * @return empty if this call onboarded it, else the tenant that holds it (possibly the same one)
     */
    Optional<String> claim(CloudAccount account);

    /** Replaces the account's settings if it is still {@code account.tenantId()}'s; answers whether it was. */
    boolean updateSettings(CloudAccount account);

    /** Writes the account into its tenant's listing; only for the tenant that {@link #claim claimed} it. */
    void listUnderTenant(CloudAccount account);

    List<CloudAccount> ofTenant(String tenantId);

    /**
     * Removes the account from its tenant if {@code account.tenantId()} still holds it (a lightweight transaction),
     * with its tenant listing; answers whether it was that tenant's.
     */
    boolean remove(CloudAccount account);

    /** Records the account as offboarded (an upsert: repeating it with the same value changes nothing). */
    void markOffboarded(OffboardedAccount account);

    /** The account was onboarded again: it is no longer offboarded. */
    void clearOffboarded(CloudAccountKey key);
}
