package io.crosspatch.identity.enrollment.web;

import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import java.util.Map;

/**
 * {@code POST /v1/enrollments} as sent by the startup script ({@code linux.sh}). Unknown fields are ignored; every known
 * one is checked by the domain's rules.
 */
public record EnrollmentBody(String provider, Identity identity, Host host, Map<String, String> labels,
        String enrollmentSecret) {

    /** The provider's signed identity: the fields of one provider are set, the others absent. */
    public record Identity(String token, String attestedDocument, String nonce, String pkcs7, String document) {

        IdentityMaterial material() {
            return new IdentityMaterial(token, attestedDocument, nonce, pkcs7, document);
        }

        /** As {@link IdentityMaterial#toString()}: which parts were sent, never their content. */
        @Override
        public String toString() {
            return material().toString();
        }
    }

    /** What the VM says about itself. */
    public record Host(String hostname, Os os) {

        HostFacts facts() {
            return new HostFacts(hostname, os == null ? null : os.family(), os == null ? null : os.version());
        }
    }

    /** The VM's operating system as it reports it. */
    public record Os(String family, String version) {
    }

    @Override
    public String toString() {
        return "EnrollmentBody[provider=" + provider + "]";
    }
}
