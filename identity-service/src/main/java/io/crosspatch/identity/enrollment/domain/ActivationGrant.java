package io.crosspatch.identity.enrollment.domain;

/**
 * The SSM activation patching-service issued for an enrollment, with its code still encrypted (a compact JWE and the
 * id of its key) exactly as it arrived: it is decrypted only to answer the holder of the enrollment secret.
 */
public record ActivationGrant(String activationId, String region, String encryptedCode, String keyId) {

    @Override
    public String toString() {
        return "ActivationGrant[activationId=" + activationId + ", region=" + region + ", keyId=" + keyId + "]";
    }
}
