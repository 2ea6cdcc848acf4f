package io.crosspatch.identity.verification.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules an enrollment's labels must follow once its identity is proven: it must ask for patching, its patch
 * group must be one the cloud account allows (or the account's default is used), and the remaining labels are
 * kept as metadata. Signed labels win over reported ones of the same name.
 */
public final class EnrollmentPolicy {

    public static final String PATCHING_LABEL = "crosspatch-patching";
    public static final String PATCH_GROUP_LABEL = "crosspatch-patchgroup";
    private static final String RESERVED_PREFIX = "crosspatch-";

    private EnrollmentPolicy() {}

    /** Reported labels overlaid with the signed ones. */
    public static Map<String, String> effectiveLabels(Map<String, String> reported, Map<String, String> signed) {
        Map<String, String> labels = new LinkedHashMap<>(reported);
        labels.putAll(signed);
        return labels;
    }

    /** Rejects with PATCHING_NOT_REQUESTED unless {@code crosspatch-patching} is {@code true}. */
    public static void requirePatchingRequested(Map<String, String> labels) {
        if (!"true".equals(labels.get(PATCHING_LABEL))) {
            throw new IdentityRejectedException(
                    RejectionReason.PATCHING_NOT_REQUESTED, "the " + PATCHING_LABEL + " label is not 'true'");
        }
    }

    /**
     * The patch group the labels ask for, if the account allows it, else the account's default when none is asked.
     *
     * @param allowed the groups the cloud account allows (standard and custom)
     */
    public static String patchGroup(Map<String, String> labels, String accountDefault, Set<String> allowed) {
        String requested = labels.get(PATCH_GROUP_LABEL);
        if (requested == null || requested.isBlank()) {
            return accountDefault;
        }
        if (!allowed.contains(requested)) {
            throw new IdentityRejectedException(
                    RejectionReason.PATCH_GROUP_NOT_ALLOWED,
                    "the cloud account does not allow patch group '" + printable(requested) + "'");
        }
        return requested;
    }

    /** The labels kept as metadata: everything but the {@code crosspatch-*} ones. */
    public static Map<String, String> metadataLabels(Map<String, String> labels) {
        Map<String, String> kept = new LinkedHashMap<>();
        labels.forEach((name, value) -> {
            if (!name.startsWith(RESERVED_PREFIX)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** The OS the reported family maps to, or OS_NOT_SUPPORTED. */
    public static ManagedOs operatingSystem(@Nullable String family, @Nullable String version) {
        return ManagedOs.of(family, version)
                .orElseThrow(() -> new IdentityRejectedException(
                        RejectionReason.OS_NOT_SUPPORTED,
                        "no patch baseline for OS family '" + printable(family) + "'"));
    }

    /** Unsigned input quoted in a message: short and without control characters. */
    static String printable(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
