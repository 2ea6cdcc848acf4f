package io.crosspatch.identity.challenge.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.identity.challenge.application.Challenges;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.challenge.domain.NonceUse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Repository;

/**
 * Issued nonces and who used them. Using one is a lightweight transaction ({@code IF consumed_by = null}), so of
 * two enrollments racing with the same nonce exactly one wins, on any number of verifier instances.
 */
@Repository
public class ChallengeRepository implements Challenges {

    /** Rows stay this long after expiry, so a late use is reported as EXPIRED rather than UNKNOWN. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement find;
    private final PreparedStatement consume;

    public ChallengeRepository(CqlSession session) {
        this.session = session;
        int ttl = (int) Challenge.VALIDITY.plus(KEPT_AFTER_EXPIRY).toSeconds();
        this.insert = session.prepare("INSERT INTO challenges (nonce, expires_at) VALUES (?, ?) USING TTL " + ttl);
        this.find = session.prepare("SELECT expires_at, consumed_by FROM challenges WHERE nonce = ?");
        // The claim carries the TTL too, or the consumed_by cell would keep the row alive for ever.
        this.consume = session.prepare(
                "UPDATE challenges USING TTL " + ttl + " SET consumed_by = ? WHERE nonce = ? IF consumed_by = null");
    }

    @Override
    public void save(Challenge challenge) {
        session.execute(insert.bind(challenge.nonce(), challenge.expiresAt()));
    }

    @Override
    public NonceUse consume(String nonce, String enrollmentId, Instant now) {
        if (!Challenge.wellFormed(nonce)) {
            return NonceUse.UNKNOWN;
        }
        Row row = session.execute(find.bind(nonce)).one();
        if (row == null) {
            return NonceUse.UNKNOWN;
        }
        String owner = row.getString("consumed_by");
        if (owner != null) {
            return owner.equals(enrollmentId) ? NonceUse.CONSUMED : NonceUse.REUSED;
        }
        if (!now.isBefore(row.getInstant("expires_at"))) {
            return NonceUse.EXPIRED;
        }
        ResultSet claim = session.execute(consume.bind(enrollmentId, nonce));
        if (claim.wasApplied()) {
            return NonceUse.CONSUMED;
        }
        String winner = claim.one().getString("consumed_by");
        return enrollmentId.equals(winner) ? NonceUse.CONSUMED : NonceUse.REUSED;
    }
}
