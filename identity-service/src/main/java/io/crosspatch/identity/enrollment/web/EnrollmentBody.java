package io.crosspatch.identity.enrollment.web;

import io.crosspatch.identity.enrollment.domain.EnrollmentRequestRules;
import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.kernel.CloudProvider;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/enrollments} as sent by the startup script ({@code linux.sh}). Unknown fields are ignored; every known
 * one is checked by the domain's rules.
 */
public record EnrollmentBody(
        String provider, Identity identity, Host host, Map<String, String> labels, String enrollmentSecret) {

    /**
     * The provider's signed identity as JSON carries it: the fields of one provider are set, the others absent. Read
     * into the {@link IdentityMaterial} of the provider the request names; a field of another provider's identity is
     * refused ({@code INVALID_IDENTITY}) rather than dropped, so what is published is exactly what was sent.
     */
    public record Identity(String token, String attestedDocument, String nonce, String pkcs7, String document) {

        IdentityMaterial material(CloudProvider provider) {
            return switch (provider) {
                case GCP ->
                    new IdentityMaterial.GcpToken(only(provider, token, attestedDocument, nonce, pkcs7, document));
                case VMWARE ->
                    new IdentityMaterial.VmwareToken(only(provider, token, attestedDocument, nonce, pkcs7, document));
                case AZURE -> {
                    only(provider, null, token, pkcs7, document);
                    yield new IdentityMaterial.AzureDocument(attestedDocument, nonce);
                }
                case AWS -> {
                    only(provider, null, token, attestedDocument, nonce);
                    yield new IdentityMaterial.AwsDocument(pkcs7, document);
                }
            };
        }

        // A field the JSON body left out is null here; EnrollmentRequestRules.check refuses such material before
        // anything reads it.
        @SuppressWarnings("NullAway")
        private static String only(CloudProvider provider, @Nullable String kept, @Nullable String... foreign) {
            for (String field : foreign) {
                if (field != null) {
                    throw EnrollmentRequestRules.notOf(provider);
                }
            }
            return kept;
        }

        /** Which parts were sent, never their content: a signed identity is a bearer credential until it expires. */
        @Override
        public String toString() {
            return "Identity[token=" + present(token) + ", attestedDocument=" + present(attestedDocument) + ", nonce="
                    + nonce + ", pkcs7=" + present(pkcs7) + ", document=" + present(document) + "]";
        }

        private static String present(String value) {
            return value == null ? "<none>" : "<redacted>";
        }
    }

    /** What the VM says about itself. */
    public record Host(String hostname, Os os) {

        HostFacts facts() {
            return new HostFacts(hostname, os == null ? null : os.family(), os == null ? null : os.version());
        }
    }

    /** The VM's operating system as it reports it. */
    public record Os(String family, String version) {}

    @Override
    public String toString() {
        return "EnrollmentBody[provider=" + provider + "]";
    }
}
