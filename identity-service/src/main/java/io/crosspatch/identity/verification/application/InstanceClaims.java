package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.verification.domain.InstanceKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.List;

/**
 * Trust on first use: which enrollment holds each instance. A claim must be atomic across verifier instances (the
 * first enrollment of an instance owns it for good, every other learns who does), and a redelivered record of the
 * owning enrollment must find itself as owner, which is what makes verification idempotent.
 */
public interface InstanceClaims {

    /** An enrollment that holds (or held) an instance. */
    record Claim(Instant instanceCreatedAt, String enrollmentId, Instant claimedAt) {}

    /** Claims the instance for {@code enrollmentId} unless someone holds it; answers the enrollment that holds it now. */
    String claim(InstanceKey key, String enrollmentId, Instant now);

    /** Every claim held on the instance (one per creation time it was seen with). */
    List<Claim> claimsOf(CloudProvider provider, String cloudAccountId, String instanceId);

    /**
     * Drops the instance's claims held by {@code enrollmentId} (its instance was retired), so its next enrollment is
     * a first one again; a claim another enrollment took since stays. Answers how many were dropped.
     */
    int releaseHeldBy(CloudProvider provider, String cloudAccountId, String instanceId, String enrollmentId);

    /** Drops every claim on the instance, so its next enrollment is a first one again. */
    void release(CloudProvider provider, String cloudAccountId, String instanceId);
}
