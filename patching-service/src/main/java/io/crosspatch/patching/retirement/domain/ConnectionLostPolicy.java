package io.crosspatch.patching.retirement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When a node that stopped talking to SSM is given up on: once it has been ConnectionLost for longer than its
 * tenant's age (a tenant without an override gets the default), counted from its last ping.
 */
public record ConnectionLostPolicy(Duration defaultAge, Map<String, Duration> tenantAges) {

    /** SSM's ping status of a node whose agent stopped heartbeating. */
    public static final String CONNECTION_LOST = "ConnectionLost";

    public ConnectionLostPolicy {
        if (defaultAge.isNegative() || defaultAge.isZero()) {
            throw new IllegalArgumentException("the ConnectionLost age must be positive");
        }
        tenantAges.forEach((tenant, age) -> {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("the ConnectionLost age of tenant " + tenant + " must be positive");
            }
        });
        tenantAges = Map.copyOf(tenantAges);
    }

    /** The age after which a ConnectionLost node of {@code tenantId} is retired. */
    public Duration ageFor(String tenantId) {
        return tenantAges.getOrDefault(tenantId, defaultAge);
    }

    /** Whether a node of {@code tenantId} with this ping status and last ping is retired at {@code now}. */
    public boolean retires(String tenantId, @Nullable String pingStatus, @Nullable Instant lastPingAt, Instant now) {
        return CONNECTION_LOST.equals(pingStatus)
                && lastPingAt != null
                && lastPingAt.plus(ageFor(tenantId)).isBefore(now);
    }
}
