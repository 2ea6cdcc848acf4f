package io.crosspatch.simulator.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request rates per account and API. AWS does not publish most of these figures; the defaults are
 * assumptions of the same order as the quotas AWS shows in Service Quotas and its throttling guidance, and
 * every one can be changed at start or at runtime ({@code /_sim/limits}).
 *
 * <table>
 *   <tr><th>API</th><th>rate/s</th><th>burst</th></tr>
 *   <tr><td>ssm (each operation)</td><td>20</td><td>40</td></tr>
 *   <tr><td>ssm CreateActivation</td><td>10</td><td>20</td></tr>
 *   <tr><td>ssm DescribeInstanceInformation, DescribeInstancePatchStates, DescribeInstancePatches</td><td>40</td><td>80</td></tr>
 *   <tr><td>organizations (each operation)</td><td>10</td><td>20</td></tr>
 *   <tr><td>organizations CreateAccount</td><td>1</td><td>5</td></tr>
 *   <tr><td>sts AssumeRole</td><td>100</td><td>200</td></tr>
 *   <tr><td>iam (each operation)</td><td>20</td><td>40</td></tr>
 * </table>
 */
public final class RateLimits {

    /** A sustained rate and burst. */
    public record Limit(double ratePerSecond, double burst) {}

    private final Map<String, Limit> byServiceOperation = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    public RateLimits(boolean enabled) {
        this.enabled = enabled;
        set("ssm", "*", new Limit(20, 40));
        set("ssm", "CreateActivation", new Limit(10, 20));
        set("ssm", "DescribeInstanceInformation", new Limit(40, 80));
        set("ssm", "DescribeInstancePatchStates", new Limit(40, 80));
        set("ssm", "DescribeInstancePatches", new Limit(40, 80));
        set("organizations", "*", new Limit(10, 20));
        set("organizations", "CreateAccount", new Limit(1, 5));
        set("sts", "*", new Limit(100, 200));
        set("iam", "*", new Limit(20, 40));
    }

    public void set(String service, String operation, Limit limit) {
        byServiceOperation.put(service + ":" + operation, limit);
    }

    public void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public Map<String, Limit> all() {
        return Map.copyOf(byServiceOperation);
    }

    Limit limitFor(String service, String operation) {
        Limit specific = byServiceOperation.get(service + ":" + operation);
        return specific != null ? specific : byServiceOperation.getOrDefault(service + ":*", new Limit(1000, 2000));
    }
}
