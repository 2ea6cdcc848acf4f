package io.crosspatch.identity.enrollment.domain;

import io.crosspatch.kernel.CloudProvider;
import java.util.Map;

/**
 * An enrollment request that passed the ingress's syntactic checks ({@link EnrollmentRequestRules}). The secret is
 * kept only long enough to hash it; {@link #toString()} never shows it.
 */
public record EnrollmentRequest(
        CloudProvider provider,
        IdentityMaterial identity,
        HostFacts host,
        Map<String, String> labels,
        String enrollmentSecret) {

    public EnrollmentRequest {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public SecretHash secretHash() {
        return SecretHash.of(enrollmentSecret);
    }

    @Override
    public String toString() {
        return "EnrollmentRequest[provider=" + provider + ", hostname=" + host.hostname() + ", labels=" + labels.size()
                + "]";
    }
}
