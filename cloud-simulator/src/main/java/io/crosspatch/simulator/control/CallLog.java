package io.crosspatch.simulator.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every API call by account, service and operation (throttled and failed ones included, as AWS bills
 * and limits them), so tests can assert "CreateAccount was called exactly once".
 */
public final class CallLog {

    /** One row of the counts. */
    public record Count(String accountId, String service, String operation, long calls) {}

    private record Key(String accountId, String service, String operation) {}

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(String accountId, String service, String operation) {
        counts.computeIfAbsent(new Key(accountId, service, operation), key -> new LongAdder())
                .increment();
    }

    public long count(String accountId, String service, String operation) {
        LongAdder adder = counts.get(new Key(accountId, service, operation));
        return adder == null ? 0 : adder.sum();
    }

    /** Calls of {@code operation} of {@code service} across all accounts. */
    public long count(String service, String operation) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().service().equals(service)
                        && e.getKey().operation().equals(operation))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    public List<Count> all() {
        List<Count> rows = new ArrayList<>();
        counts.forEach(
                (key, adder) -> rows.add(new Count(key.accountId(), key.service(), key.operation(), adder.sum())));
        rows.sort(Comparator.comparing(Count::accountId)
                .thenComparing(Count::service)
                .thenComparing(Count::operation));
        return rows;
    }

    public void reset() {
        counts.clear();
    }
}
