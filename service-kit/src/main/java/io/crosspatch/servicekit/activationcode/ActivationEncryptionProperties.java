package io.crosspatch.servicekit.activationcode;

import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys activation codes are encrypted with, shared by patching-service (which seals them) and identity-service's
 * status view (which opens them for the VM holding the enrollment secret):
 * {@code crosspatch.activation-encryption.keys.<kid>=<base64 of 32 random bytes>} and, where codes are sealed,
 * {@code crosspatch.activation-encryption.current-key-id=<kid>}. Rotation: add the new key to both services, switch
 * {@code current-key-id} in patching-service, and remove the old key once no unexpired code uses it. Set from the
 * environment only ({@code CROSSPATCH_ACTIVATION_ENCRYPTION_KEYS_K2026A}), never committed.
 *
 * @param keys         key id to base64 of 32 random bytes ({@code openssl rand -base64 32}), the same in both services;
 *                     surrounding whitespace (a trailing newline from a file) is ignored; no default, required
 * @param currentKeyId the key new codes are sealed with; required in patching-service, unset where codes are only
 *                     opened; no default
 */
@ConfigurationProperties("crosspatch.activation-encryption")
public record ActivationEncryptionProperties(Map<String, String> keys, String currentKeyId) {

    public ActivationEncryptionProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        currentKeyId = currentKeyId == null || currentKeyId.isBlank() ? null : currentKeyId.strip();
    }

    /** The key ids only: the keys open every activation code. */
    @Override
    public String toString() {
        return "ActivationEncryptionProperties[keys=" + new TreeSet<>(keys.keySet()) + " <redacted>, currentKeyId="
                + currentKeyId + "]";
    }
}
