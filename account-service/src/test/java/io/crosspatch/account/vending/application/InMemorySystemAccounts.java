package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SystemAccountRepository} in memory, with the same conditional writes as the Cassandra one: a claim only
 * the first writer wins, a transition only onto the version it was computed from.
 */
final class InMemorySystemAccounts implements SystemAccountRepository {

    private final Map<CloudAccountKey, SystemAccount> rows = new ConcurrentHashMap<>();
    private final Map<Integer, Map<CloudAccountKey, WorkItem>> work = new ConcurrentHashMap<>();

    @Override
    public Optional<SystemAccount> find(CloudAccountKey key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public boolean claim(SystemAccount account) {
        return rows.putIfAbsent(account.key(), account) == null;
    }

    @Override
    public synchronized boolean transition(SystemAccount next) {
        SystemAccount stored = rows.get(next.key());
        if (stored == null || stored.version() != next.version() - 1) {
            return false;
        }
        rows.put(next.key(), next);
        return true;
    }

    @Override
    public synchronized boolean remove(SystemAccount account) {
        SystemAccount stored = rows.get(account.key());
        if (stored == null || stored.version() != account.version()) {
            return false;
        }
        rows.remove(account.key());
        removeWork(account.bucket(), account.key());
        return true;
    }

    @Override
    public List<SystemAccount> byTenant(String tenantId) {
        return rows.values().stream()
                .filter(account -> tenantId.equals(account.tenantId()))
                .toList();
    }

    @Override
    public List<WorkItem> workList(int bucket) {
        return List.copyOf(work.getOrDefault(bucket, Map.of()).values());
    }

    @Override
    public void markWork(SystemAccount account) {
        work.computeIfAbsent(account.bucket(), bucket -> new ConcurrentHashMap<>())
                .put(account.key(), new WorkItem(account.key(), account.state(), account.nextAttemptAt()));
    }

    @Override
    public void removeWork(int bucket, CloudAccountKey key) {
        work.getOrDefault(bucket, new ConcurrentHashMap<>()).remove(key);
    }

    /** Stores the row as it is, as if transitions the test does not care about had happened. */
    void store(SystemAccount account) {
        rows.put(account.key(), account);
    }

    /** The stored row; fails the test when there is none. */
    SystemAccount stored(CloudAccountKey key) {
        return find(key).orElseThrow(() -> new AssertionError("no system account for " + key));
    }

    /** Whether the cloud account is on its bucket's work list. */
    boolean onWorkList(SystemAccount account) {
        return work.getOrDefault(account.bucket(), Map.of()).containsKey(account.key());
    }
}
