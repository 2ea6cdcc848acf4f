package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;

/**
 * Checks one provider's signed identity against that provider's pinned trust anchors and returns what it proves.
 * A broken rule is an {@link io.crosspatch.identity.verification.domain.IdentityRejectedException}; a trust source
 * that cannot be reached is a {@link TrustSourceUnavailableException}, which defers the enrollment rather than
 * rejecting it.
 */
public interface ProviderVerifier {

    CloudProvider provider();

    VerifiedClaims verify(IdentityMaterial material, Instant now);
}
