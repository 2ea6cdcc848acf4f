package io.crosspatch.identity.verification.domain;

import java.util.Locale;

/**
 * The clouds a VM can prove itself on. Kept in the domain (rather than the Avro enum) so the verification rules
 * depend on no serialization library; the lower-case {@link #key()} is how storage and cloud account keys spell it.
 */
public enum CloudProvider {
    GCP, AZURE, AWS, VMWARE;

    /** {@code gcp}, {@code azure}, {@code aws} or {@code vmware}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
