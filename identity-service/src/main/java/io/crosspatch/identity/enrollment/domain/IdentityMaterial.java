package io.crosspatch.identity.enrollment.domain;

import org.jspecify.annotations.Nullable;

/**
 * The signed identity a VM sends, exactly as received: a compact JWT (GCP, VMware), an Azure attested document
 * with its challenge nonce, or an AWS PKCS#7 with the optional plain document. Fields a provider does not use
 * are null. Nothing here is trusted: the verifier checks the signatures.
 */
public record IdentityMaterial(@Nullable String token, @Nullable String attestedDocument, @Nullable String nonce,
        @Nullable String pkcs7, @Nullable String document) {

    public static IdentityMaterial jwt(String token) {
        return new IdentityMaterial(token, null, null, null, null);
    }

    public static IdentityMaterial azure(String attestedDocument, String nonce) {
        return new IdentityMaterial(null, attestedDocument, nonce, null, null);
    }

    public static IdentityMaterial aws(String pkcs7, String document) {
        return new IdentityMaterial(null, null, null, pkcs7, document);
    }

    /**
     * Which parts were sent, never their content: a signed identity is a bearer credential until it expires, so it
     * must not reach a log.
     */
    @Override
    public String toString() {
        return "IdentityMaterial[token=" + present(token) + ", attestedDocument=" + present(attestedDocument)
                + ", nonce=" + nonce + ", pkcs7=" + present(pkcs7) + ", document=" + present(document) + "]";
    }

    static String present(@Nullable String value) {
        return value == null ? "<none>" : "<redacted>";
    }
}
