package io.crosspatch.identity.enrollment.domain;

import io.crosspatch.kernel.CloudProvider;

/**
 * The signed instance identity exactly as the VM sent it, one shape per provider: what the ingress checks the shape
 * of, publishes and derives the enrollment id from, and what the verifier verifies. Its type, not the provider the
 * request names, says which verifier reads it; the two must agree. Nothing here is trusted until verified. A signed
 * identity is a bearer credential until it expires, so no {@code toString()} prints it.
 */
public sealed interface IdentityMaterial {

    CloudProvider provider();

    /** A GCP metadata-server identity token (JWT, format=full). */
    record GcpToken(String token) implements IdentityMaterial {
        @Override
        public CloudProvider provider() {
            return CloudProvider.GCP;
        }

        @Override
        public String toString() {
            return "GcpToken[token=<redacted>]";
        }
    }

    /** An Azure IMDS attested document (base64 PKCS#7) and the nonce the VM says it had signed. */
    record AzureDocument(String attestedDocument, String nonce) implements IdentityMaterial {
        @Override
        public CloudProvider provider() {
            return CloudProvider.AZURE;
        }

        @Override
        public String toString() {
            return "AzureDocument[attestedDocument=<redacted>, nonce=" + nonce + "]";
        }
    }

    /** An EC2 rsa2048 PKCS#7 and, optionally, the plain document the VM sent beside it. */
    record AwsDocument(String pkcs7, String document) implements IdentityMaterial {
        @Override
        public CloudProvider provider() {
            return CloudProvider.AWS;
        }

        @Override
        public String toString() {
            return "AwsDocument[pkcs7=<redacted>, document=" + (document == null ? "<none>" : "<redacted>") + "]";
        }
    }

    /** A JWT minted by a registered VMware issuer and read from guestinfo. */
    record VmwareToken(String token) implements IdentityMaterial {
        @Override
        public CloudProvider provider() {
            return CloudProvider.VMWARE;
        }

        @Override
        public String toString() {
            return "VmwareToken[token=<redacted>]";
        }
    }
}
