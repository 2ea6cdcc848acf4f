package io.crosspatch.identity.verification.web;

import io.crosspatch.kernel.CloudProvider;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the admin actions on one instance (re-enrollment, retirement) check the same way: the provider in the path,
 * the reason every such action must give for the audit, and the error body they answer with.
 */
final class AdminRequests {

    /** The longest reason an admin may give; it is stored in the audit and published. */
    static final int MAX_REASON_LENGTH = 500;

    private AdminRequests() {}

    /** The provider named in the path; empty for one Crosspatch does not know (answered as an unknown instance). */
    static Optional<CloudProvider> provider(String name) {
        try {
            return Optional.of(CloudProvider.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The reason, stripped; empty unless it has 1 to {@link #MAX_REASON_LENGTH} characters and no control ones. */
    static Optional<String> reason(@Nullable String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty()
                || reason.length() > MAX_REASON_LENGTH
                || reason.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(reason);
    }

    static ResponseEntity<Map<String, String>> invalidReason() {
        return error(
                HttpStatus.BAD_REQUEST,
                "INVALID_REASON",
                "reason is required: 1 to " + MAX_REASON_LENGTH + " characters, no control characters");
    }

    static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", code, "message", message));
    }
}
