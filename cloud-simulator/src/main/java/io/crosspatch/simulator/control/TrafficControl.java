package io.crosspatch.simulator.control;

import io.crosspatch.simulator.aws.AwsException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Decides, before an operation runs, whether AWS would have throttled it (per-account, per-API token
 * buckets) or whether an injected fault hits it, and answers in the service's own error shape, so the SDK's
 * retry and the services' back-off meet the errors they will meet in production.
 */
public final class TrafficControl {

    private final RateLimits limits;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Random random;

    public TrafficControl(RateLimits limits, long seed) {
        this.limits = limits;
        this.random = new Random(seed);
    }

    public RateLimits limits() {
        return limits;
    }

    public void addFault(Fault fault) {
        faults.add(fault);
    }

    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** @throws AwsException when the call is throttled or a fault is injected; may delay the caller */
    public void admit(String accountId, String service, String operation) {
        for (Fault fault : faults) {
            if (fault.matches(service, operation)) {
                delay(fault.latencyMillis());
                double roll = nextDouble();
                if (roll < fault.throttleProbability()) {
                    throw throttled(service, "Rate exceeded (injected)");
                }
                if (roll < fault.throttleProbability() + fault.errorProbability()) {
                    throw internalError(service);
                }
            }
        }
        if (limits.enabled()) {
            RateLimits.Limit limit = limits.limitFor(service, operation);
            long now = System.nanoTime();
            TokenBucket bucket = buckets.computeIfAbsent(
                    accountId + ":" + service + ":" + operation,
                    key -> new TokenBucket(limit.ratePerSecond(), limit.burst(), now));
            if (!bucket.tryTake(now)) {
                throw throttled(service, "Rate exceeded");
            }
        }
    }

    /** Forgets the buckets, e.g. after limits changed. */
    public void resetBuckets() {
        buckets.clear();
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** Each service's own throttling error: the SDK decides retryability by these codes. */
    static AwsException throttled(String service, String message) {
        return switch (service) {
            case "organizations" ->
                new AwsException("TooManyRequestsException", 400, message, Map.of("Type", "RequestThrottled"));
            case "sts", "iam" -> new AwsException("Throttling", 400, message);
            default -> new AwsException("ThrottlingException", 400, message);
        };
    }

    static AwsException internalError(String service) {
        return switch (service) {
            case "organizations" ->
                new AwsException(
                        "ServiceException",
                        500,
                        "AWS Organizations can't complete your request because of an internal service error (injected).");
            case "sts", "iam" -> new AwsException("ServiceUnavailable", 503, "Service unavailable (injected)");
            default -> new AwsException("InternalServerError", 500, "An error occurred on the server side (injected).");
        };
    }

    private static void delay(long millis) {
        if (millis > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
