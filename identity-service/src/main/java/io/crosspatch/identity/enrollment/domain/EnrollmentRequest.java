package io.crosspatch.identity.enrollment.domain;

import io.crosspatch.kernel.CloudProvider;
import java.util.Map;
import java.util.Objects;

/**
 * One enrollment request, the single shape both halves of the service work on: the ingress checks it
 * ({@link EnrollmentRequestRules}) and publishes it on {@code enrollment.requested}; the verifier reads it back from
 * there and verifies it. It holds the provider the VM names, its signed identity and what the VM reports about itself
 * (host facts and labels — unsigned, taken as reported). The enrollment secret is deliberately not part of it: only
 * the ingress ever sees the secret ({@link Submission}), the verifier never does.
 */
public record EnrollmentRequest(
        CloudProvider provider, IdentityMaterial identity, HostFacts host, Map<String, String> labels) {

    public EnrollmentRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(identity, "identity");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public String toString() {
        return "EnrollmentRequest[provider=" + provider + ", hostname=" + host.hostname() + ", labels=" + labels.size()
                + "]";
    }
}
