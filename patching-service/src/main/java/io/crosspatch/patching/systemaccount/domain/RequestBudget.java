package io.crosspatch.patching.systemaccount.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side rate limits per system account and API operation: AWS throttles per account and per API, so that
 * is the grain at which patching-service spends its requests. Operations without their own rate share the
 * default one (each still with its own bucket).
 */
public final class RequestBudget {

    /** A rate and a burst. */
    public record Rate(double perSecond, int burst) {}

    private record Key(String accountId, String operation) {}

    private final Rate defaultRate;
    private final Map<String, Rate> rates;
    private final Map<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RequestBudget(Rate defaultRate, Map<String, Rate> rates) {
        this.defaultRate = defaultRate;
        this.rates = Map.copyOf(rates);
    }

    /** Blocks until {@code accountId} may make one more {@code operation} call. */
    public void spend(String accountId, String operation) {
        buckets.computeIfAbsent(new Key(accountId, operation), key -> {
                    Rate rate = rates.getOrDefault(operation, defaultRate);
                    return new TokenBucket(rate.perSecond(), rate.burst());
                })
                .acquire();
    }
}
