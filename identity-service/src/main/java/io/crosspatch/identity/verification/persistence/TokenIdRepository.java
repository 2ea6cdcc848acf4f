package io.crosspatch.identity.verification.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import io.crosspatch.identity.verification.application.TokenIds;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Repository;

/**
 * VMware token ids accepted so far. Accepting one is a lightweight transaction ({@code IF NOT EXISTS}); the row's
 * TTL runs until the token expires (plus the clock skew), after which the token is refused for its expiry anyway.
 */
@Repository
class TokenIdRepository implements TokenIds {

    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(5);

    private final CqlSession session;
    private final PreparedStatement accept;

    public TokenIdRepository(CqlSession session) {
        this.session = session;
        this.accept = session.prepare("INSERT INTO vmware_token_ids (issuer, jti, enrollment_id) VALUES (?, ?, ?) "
                + "IF NOT EXISTS USING TTL ?");
    }

    @Override
    public boolean accept(String issuer, String jti, String enrollmentId, Instant expiresAt, Instant now) {
        long ttl = Math.max(
                1, Duration.between(now, expiresAt).plus(KEPT_AFTER_EXPIRY).toSeconds());
        ResultSet result =
                session.execute(accept.bind(issuer, jti, enrollmentId, (int) Math.min(ttl, Integer.MAX_VALUE)));
        return result.wasApplied() || enrollmentId.equals(result.one().getString("enrollment_id"));
    }
}
