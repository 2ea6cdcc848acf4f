package io.crosspatch.identity.enrollment.domain;

import java.util.Objects;

/**
 * What a VM submits to the ingress: an {@link EnrollmentRequest} and the enrollment secret it will later present to
 * read its status. The secret is kept apart from the request so that it stays at the ingress: it is kept only long
 * enough to hash it ({@link #secretHash()}), and {@link #toString()} never shows it.
 */
public record Submission(EnrollmentRequest request, String secret) {

    public Submission {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(secret, "secret");
    }

    public SecretHash secretHash() {
        return SecretHash.of(secret);
    }

    @Override
    public String toString() {
        return "Submission[request=" + request + ", secret=<redacted>]";
    }
}
