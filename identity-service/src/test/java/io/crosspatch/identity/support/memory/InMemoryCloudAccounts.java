package io.crosspatch.identity.support.memory;

import io.crosspatch.identity.onboarding.application.CloudAccounts;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.domain.OffboardedAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CloudAccounts} in memory, with the Cassandra adapter's semantics: the first tenant to claim an account holds
 * it, settings change only for the holder, and the tenant listing holds what was listed under it.
 */
public final class InMemoryCloudAccounts implements CloudAccounts {

    private final Map<CloudAccountKey, CloudAccount> byKey = new ConcurrentHashMap<>();
    private final Map<String, Map<CloudAccountKey, CloudAccount>> byTenant = new ConcurrentHashMap<>();
    private final Map<CloudAccountKey, OffboardedAccount> offboarded = new ConcurrentHashMap<>();

    /** Onboards {@code account} whoever held it, as the repository's seeding {@code save} does. */
    public InMemoryCloudAccounts with(CloudAccount account) {
        byKey.put(account.key(), account);
        listUnderTenant(account);
        return this;
    }

    @Override
    public Optional<String> claim(CloudAccount account) {
        CloudAccount holder = byKey.putIfAbsent(account.key(), account);
        return holder == null ? Optional.empty() : Optional.of(holder.tenantId());
    }

    @Override
    public boolean updateSettings(CloudAccount account) {
        return byKey.computeIfPresent(
                        account.key(), (key, held) -> held.tenantId().equals(account.tenantId()) ? account : held)
                == account;
    }

    @Override
    public void listUnderTenant(CloudAccount account) {
        byTenant.computeIfAbsent(account.tenantId(), tenant -> new ConcurrentHashMap<>())
                .put(account.key(), account);
    }

    @Override
    public Optional<CloudAccount> find(CloudAccountKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public List<CloudAccount> ofTenant(String tenantId) {
        return new ArrayList<>(byTenant.getOrDefault(tenantId, Map.of()).values());
    }

    @Override
    public boolean remove(CloudAccount account) {
        boolean removed = byKey.computeIfPresent(
                        account.key(), (key, held) -> held.tenantId().equals(account.tenantId()) ? null : held)
                == null;
        if (removed) {
            byTenant.getOrDefault(account.tenantId(), new ConcurrentHashMap<>()).remove(account.key());
        }
        return removed;
    }

    @Override
    public void markOffboarded(OffboardedAccount account) {
        offboarded.put(account.key(), account);
    }

    @Override
    public void clearOffboarded(CloudAccountKey key) {
        offboarded.remove(key);
    }

    @Override
    public Optional<OffboardedAccount> offboarded(CloudAccountKey key) {
        return Optional.ofNullable(offboarded.get(key));
    }
}
