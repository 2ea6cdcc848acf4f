package io.crosspatch.identity.bootstrap.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the served startup script has baked in, under {@code crosspatch.identity}. Neither has a default: the public
 * URL is the deployment's own, and the GCP audience is the one the verifier checks ({@code TrustProperties} binds the
 * same {@code crosspatch.identity.gcp.audience}; this record reads it too because the script may be served by an
 * ingress that runs without the verifier).
 *
 * @param publicUrl the URL VMs reach the ingress at, never taken from a request's {@code Host}; required when the
 *                  ingress runs: https, or plain http only to loopback (127.0.0.0/8, localhost, [::1])
 * @param gcp       the GCP settings the script needs
 */
@ConfigurationProperties("crosspatch.identity")
record BootstrapProperties(String publicUrl, Gcp gcp) {

    @SuppressWarnings("NullAway") // an unset component binds as null; the constructor replaces it by its default
    public BootstrapProperties {
        publicUrl = publicUrl == null ? "" : publicUrl;
        gcp = gcp == null ? new Gcp(null) : gcp;
    }

    /**
     * @param audience the audience the script asks GCP's metadata server to mint the identity token for; none: GCP
     *                 enrollments are refused (AUDIENCE_MISMATCH)
     */
    public record Gcp(String audience) {
        public Gcp {
            audience = audience == null ? "" : audience;
        }
    }
}
