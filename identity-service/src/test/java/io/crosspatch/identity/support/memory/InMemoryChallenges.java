package io.crosspatch.identity.support.memory;

import io.crosspatch.identity.challenge.application.Challenges;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.challenge.domain.NonceUse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link Challenges} in memory, with the Cassandra adapter's answers (unknown, expired, reused, consumed). */
public final class InMemoryChallenges implements Challenges {

    private final Map<String, Challenge> issued = new HashMap<>();
    private final Map<String, String> consumedBy = new HashMap<>();

    @Override
    public synchronized void save(Challenge challenge) {
        issued.put(challenge.nonce(), challenge);
    }

    @Override
    public synchronized NonceUse consume(String nonce, String enrollmentId, Instant now) {
        Challenge challenge = Challenge.wellFormed(nonce) ? issued.get(nonce) : null;
        if (challenge == null) {
            return NonceUse.UNKNOWN;
        }
        String owner = consumedBy.get(nonce);
        if (owner != null) {
            return owner.equals(enrollmentId) ? NonceUse.CONSUMED : NonceUse.REUSED;
        }
        if (!now.isBefore(challenge.expiresAt())) {
            return NonceUse.EXPIRED;
        }
        consumedBy.put(nonce, enrollmentId);
        return NonceUse.CONSUMED;
    }

    /** The enrollment that used the nonce up, if any. */
    public synchronized String consumer(String nonce) {
        return consumedBy.get(nonce);
    }
}
