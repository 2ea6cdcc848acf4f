package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;

/**
 * Which instance an identity names, read WITHOUT verifying anything, only to derive a stable enrollment id (so a
 * retry with a freshly read token is the same enrollment). Never used for a decision: the verifier trusts only what
 * it verified. A port because reading a JWT or a PKCS#7 takes the JOSE and CMS libraries, which a use case does not
 * see.
 */
public interface UnverifiedClaims {

    /**
     * A stable text naming the instance (e.g. {@code acme-prod|1234}), or the raw material when unreadable.
     *
     * @throws InvalidEnrollmentException {@code INVALID_IDENTITY} for material no cloud sends (more certificates in a
     *                                    PKCS#7 than the verifier accepts), so it never reaches the topic
     */
    String instanceOf(EnrollmentRequest request);
}
