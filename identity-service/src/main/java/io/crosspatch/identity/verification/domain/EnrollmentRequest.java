package io.crosspatch.identity.verification.domain;

import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.kernel.CloudProvider;
import java.util.Map;
import java.util.Objects;

/**
 * One enrollment as the verifier sees it: the signed identity plus what the VM reports about itself (hostname,
 * OS, labels — unsigned, taken as reported). Mapped out of {@code enrollment.requested}.
 */
public record EnrollmentRequest(
        String enrollmentId,
        CloudProvider claimedProvider,
        IdentityMaterial identity,
        String hostname,
        String osFamily,
        String osVersion,
        Map<String, String> labels) {

    public EnrollmentRequest {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(claimedProvider, "claimedProvider");
        Objects.requireNonNull(identity, "identity");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
