package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The former system accounts in memory, one per e-mail address as in Cassandra. */
final class InMemorySystemAccountHistory implements SystemAccountHistory {

    private final Map<CloudAccountKey, Set<String>> emails = new ConcurrentHashMap<>();

    @Override
    public void archive(SystemAccount account, String endedAs, String endedBy, Instant at) {
        emails.computeIfAbsent(account.key(), key -> ConcurrentHashMap.newKeySet())
                .add(account.email());
    }

    @Override
    public int generations(CloudAccountKey key) {
        return emails.getOrDefault(key, Set.of()).size();
    }
}
