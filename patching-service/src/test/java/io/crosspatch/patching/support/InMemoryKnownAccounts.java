package io.crosspatch.patching.support;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link KnownAccounts} in memory: custom groups are only ever added, as in the {@code system_accounts} set column. */
public final class InMemoryKnownAccounts implements KnownAccounts {

    private final Map<String, KnownAccount> accounts = new ConcurrentHashMap<>();

    @Override
    public void unschedule(String accountId) {
        accounts.remove(accountId);
    }

    @Override
    public void forget(String accountId) {
        accounts.remove(accountId);
    }

    @Override
    public Optional<KnownAccount> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized KnownAccount remember(
            SystemAccountRef account, CloudAccountKey cloudAccountKey, String tenantId, Set<String> customGroups) {
        Set<String> groups = new HashSet<>(customGroups);
        KnownAccount before = accounts.get(account.accountId());
        if (before != null) {
            groups.addAll(before.customGroups());
        }
        KnownAccount known = new KnownAccount(
                account,
                cloudAccountKey,
                groups,
                before == null ? Optional.empty() : before.appliedDesiredStateHash(),
                Optional.of(tenantId));
        accounts.put(account.accountId(), known);
        return known;
    }
}
