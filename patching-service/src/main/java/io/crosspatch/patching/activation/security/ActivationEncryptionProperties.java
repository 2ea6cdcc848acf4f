package io.crosspatch.patching.activation.security;

import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys activation codes are encrypted with, shared with identity-service's status view (which decrypts them
 * for the VM holding the enrollment secret): {@code crosspatch.activation-encryption.keys[<kid>]=<base64 of 32
 * random bytes>} and {@code crosspatch.activation-encryption.current-key-id=<kid>}. Rotation: add the new key to
 * both services, switch {@code current-key-id} here, and remove the old key once no unexpired code uses it. Set
 * from the environment only ({@code CROSSPATCH_ACTIVATION_ENCRYPTION_KEYS_K2026A}), never committed.
 *
 * @param keys         key id → base64 of 32 random bytes ({@code openssl rand -base64 32}); no default, required
 * @param currentKeyId the key id new activation codes are encrypted with; no default, required
 */
@ConfigurationProperties("crosspatch.activation-encryption")
public record ActivationEncryptionProperties(Map<String, String> keys, String currentKeyId) {

    public ActivationEncryptionProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** The key ids only: the keys decrypt every activation code. */
    @Override
    public String toString() {
        return "ActivationEncryptionProperties[keys=" + new TreeSet<>(keys.keySet()) + " <redacted>, currentKeyId="
                + currentKeyId + "]";
    }
}
