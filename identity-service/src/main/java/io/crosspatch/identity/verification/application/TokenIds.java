package io.crosspatch.identity.verification.application;

import java.time.Instant;

/**
 * The VMware token ids accepted so far, so that a captured token cannot enroll twice. Accepting one must be atomic
 * across verifier instances; an id need only be remembered until its token expires (it is refused for that after).
 */
public interface TokenIds {

    /** Whether {@code jti} of {@code issuer} is now (or already was) {@code enrollmentId}'s; false for a replay. */
    boolean accept(String issuer, String jti, String enrollmentId, Instant expiresAt, Instant now);
}
