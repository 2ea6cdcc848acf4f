package io.crosspatch.identity.support.memory;

import io.crosspatch.identity.verification.application.TokenIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenIds} in memory: the first enrollment to present a token id keeps it (expiry is not modelled). */
public final class InMemoryTokenIds implements TokenIds {

    private final Map<List<String>, String> accepted = new ConcurrentHashMap<>();

    @Override
    public boolean accept(String issuer, String jti, String enrollmentId, Instant expiresAt, Instant now) {
        String owner = accepted.putIfAbsent(List.of(issuer, jti), enrollmentId);
        return owner == null || owner.equals(enrollmentId);
    }

    /** How many token ids were accepted so far. */
    public int size() {
        return accepted.size();
    }
}
