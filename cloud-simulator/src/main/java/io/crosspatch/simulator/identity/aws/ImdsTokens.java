package io.crosspatch.simulator.identity.aws;

import io.crosspatch.simulator.identity.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** IMDSv2 session tokens: issued by PUT /latest/api/token for one VM, valid for their TTL of simulated time. */
final class ImdsTokens {

    private record Session(String vmId, Instant expiresAt) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    String issue(String vmId, Duration ttl, Instant now) {
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
        String token = Base64.getEncoder().encodeToString(Ids.bytes(42));
        sessions.put(token, new Session(vmId, now.plus(ttl)));
        return token;
    }

    boolean valid(@Nullable String token, String vmId, Instant now) {
        Session session = token == null ? null : sessions.get(token);
        return session != null
                && session.vmId().equals(vmId)
                && session.expiresAt().isAfter(now);
    }
}
