package io.crosspatch.patching.compliance.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One patch of a node as {@code patch.results} reports it: SSM's state folded into the states Crosspatch reports,
 * and no missing classification or severity (an empty text instead).
 */
public record ReportedPatch(
        String id,
        String title,
        String classification,
        String severity,
        State state,
        @Nullable Instant installedAt,
        List<String> cveIds) {

    /** A patch's state on the node. */
    public enum State {
        INSTALLED,
        INSTALLED_OTHER,
        INSTALLED_PENDING_REBOOT,
        INSTALLED_REJECTED,
        MISSING,
        FAILED,
        NOT_APPLICABLE;

        /** SSM's patch state; anything else SSM may add (e.g. {@code AVAILABLE_SECURITY_UPDATE}) counts as missing. */
        public static State ofSsm(String ssmState) {
            return switch (ssmState) {
                case "INSTALLED" -> INSTALLED;
                case "INSTALLED_OTHER" -> INSTALLED_OTHER;
                case "INSTALLED_PENDING_REBOOT" -> INSTALLED_PENDING_REBOOT;
                case "INSTALLED_REJECTED" -> INSTALLED_REJECTED;
                case "FAILED" -> FAILED;
                case "NOT_APPLICABLE" -> NOT_APPLICABLE;
                default -> MISSING;
            };
        }
    }

    public ReportedPatch {
        Objects.requireNonNull(state, "state");
        cveIds = List.copyOf(cveIds);
    }
}
