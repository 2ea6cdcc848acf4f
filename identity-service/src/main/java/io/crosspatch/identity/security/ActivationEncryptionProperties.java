package io.crosspatch.identity.security;

import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys patching-service encrypts activation codes with, shared with it:
 * {@code crosspatch.activation-encryption.keys.<kid>=<base64 of 32 random bytes>}. This service only decrypts, so it
 * needs every key an unexpired code may name, and no current key id. Set from the environment only
 * ({@code CROSSPATCH_ACTIVATION_ENCRYPTION_KEYS_K2026A}), never committed.
 *
 * @param keys key id → base64 of 32 random bytes, the same as patching-service's; no default, required
 */
@ConfigurationProperties("crosspatch.activation-encryption")
public record ActivationEncryptionProperties(Map<String, String> keys) {

    public ActivationEncryptionProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** The key ids only: the keys decrypt every activation code. */
    @Override
    public String toString() {
        return "ActivationEncryptionProperties[keys=" + new TreeSet<>(keys.keySet()) + " <redacted>]";
    }
}
