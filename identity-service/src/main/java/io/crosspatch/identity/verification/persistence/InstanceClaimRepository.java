package io.crosspatch.identity.verification.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import io.crosspatch.identity.verification.application.InstanceClaims;
import io.crosspatch.identity.verification.domain.InstanceKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * Trust on first use in Cassandra: {@link #claim} is a lightweight transaction, so whichever enrollment of an
 * instance gets there first owns it for good, and every other one learns who did. A redelivered record of the
 * owning enrollment finds itself as owner, which is what makes verification idempotent.
 * <p>
 * An AWS instance is held by any claim in its partition, not only by the one under
 * {@link InstanceKey#UNKNOWN_CREATION}: earlier versions keyed AWS instances on the document's {@code pendingTime},
 * and those rows must go on holding their instances. They share the partition (provider, account, instance id), so
 * one single-partition read before the lightweight transaction honours them. Only AWS pays for that read: Azure and
 * VMware instances were always keyed without a creation time, so their partition holds the one row the lightweight
 * transaction already answers with. The read cannot race a current verifier: none writes such a row any more, and
 * between current verifiers the lightweight transaction on the one row decides.
 */
@Repository
public class InstanceClaimRepository implements InstanceClaims {

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement ofInstance;
    private final PreparedStatement release;
    private final PreparedStatement releaseOne;

    public InstanceClaimRepository(CqlSession session) {
        this.session = session;
        this.claim = session.prepare(
                "INSERT INTO instance_claims (provider, cloud_account_id, instance_id, instance_created_at, "
                        + "enrollment_id, claimed_at) VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS");
        this.ofInstance = session.prepare("SELECT instance_created_at, enrollment_id, claimed_at FROM instance_claims "
                + "WHERE provider = ? AND cloud_account_id = ? AND instance_id = ?");
        this.release = session.prepare(
                "DELETE FROM instance_claims WHERE provider = ? AND cloud_account_id = ? AND instance_id = ?");
        this.releaseOne = session.prepare("DELETE FROM instance_claims WHERE provider = ? AND cloud_account_id = ? "
                + "AND instance_id = ? AND instance_created_at = ? IF enrollment_id = ?");
    }

    @Override
    public String claim(InstanceKey key, String enrollmentId, Instant now) {
        if (key.provider() == CloudProvider.AWS) {
            Optional<String> holder = claimsOf(key.provider(), key.cloudAccountId(), key.instanceId()).stream()
                    .map(Claim::enrollmentId)
                    .filter(owner -> !owner.equals(enrollmentId))
                    .findFirst();
            if (holder.isPresent()) {
                return holder.get();
            }
        }
        ResultSet result = session.execute(claim.bind(
                key.provider().wireName(), key.cloudAccountId(), key.instanceId(), key.createdAt(), enrollmentId, now));
        return result.wasApplied() ? enrollmentId : result.one().getString("enrollment_id");
    }

    @Override
    public List<Claim> claimsOf(CloudProvider provider, String cloudAccountId, String instanceId) {
        List<Claim> claims = new ArrayList<>();
        session.execute(ofInstance.bind(provider.wireName(), cloudAccountId, instanceId))
                .forEach(row -> claims.add(new Claim(
                        row.getInstant("instance_created_at"),
                        row.getString("enrollment_id"),
                        row.getInstant("claimed_at"))));
        return claims;
    }

    @Override
    public int releaseHeldBy(CloudProvider provider, String cloudAccountId, String instanceId, String enrollmentId) {
        int released = 0;
        for (Claim held : claimsOf(provider, cloudAccountId, instanceId)) {
            if (held.enrollmentId().equals(enrollmentId)
                    && session.execute(releaseOne.bind(
                                    provider.wireName(),
                                    cloudAccountId,
                                    instanceId,
                                    held.instanceCreatedAt(),
                                    enrollmentId))
                            .wasApplied()) {
                released++;
            }
        }
        return released;
    }

    @Override
    public void release(CloudProvider provider, String cloudAccountId, String instanceId) {
        session.execute(release.bind(provider.wireName(), cloudAccountId, instanceId));
    }
}
