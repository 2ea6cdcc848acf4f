package io.crosspatch.patching.support;

import io.crosspatch.simulator.CloudSimulator;
import java.util.Map;
import java.util.TreeMap;

/** The simulator's call counts, read the way the tests need them. */
public final class Calls {

    private Calls() {}

    /** SSM calls of {@code accountId} that change something (everything but Describe, Get and List). */
    public static Map<String, Long> mutating(CloudSimulator simulator, String accountId) {
        Map<String, Long> counts = new TreeMap<>();
        simulator.calls().all().stream()
                .filter(c -> c.accountId().equals(accountId) && c.service().equals("ssm"))
                .filter(c -> !c.operation().startsWith("Describe")
                        && !c.operation().startsWith("Get")
                        && !c.operation().startsWith("List"))
                .forEach(c -> counts.merge(c.operation(), c.calls(), Long::sum));
        return counts;
    }

    public static long ssm(CloudSimulator simulator, String accountId, String operation) {
        return simulator.calls().count(accountId, "ssm", operation);
    }

    /** Every SSM call of the account, reads included. */
    public static long allSsm(CloudSimulator simulator, String accountId) {
        return simulator.calls().all().stream()
                .filter(c -> c.accountId().equals(accountId) && c.service().equals("ssm"))
                .mapToLong(c -> c.calls())
                .sum();
    }
}
