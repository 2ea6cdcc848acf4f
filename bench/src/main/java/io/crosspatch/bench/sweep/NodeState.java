package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The part of one managed node's patch state that a window run changes, in one shape for both sides of the
 * comparison: the simulator's ground truth ({@code /_sim/patch-states}) and a line of reporting's instance list.
 * Times are compared at the contract's millisecond precision (events carry timestamp-millis).
 *
 * @param operation {@code INSTALL} or {@code SCAN}; null before any report
 * @param endedAt   when the last operation ended
 * @param installed installed patches
 * @param missing   missing patches
 * @param failed    patches whose installation failed
 */
record NodeState(@Nullable String operation, @Nullable Instant endedAt, int installed, int missing, int failed) {

    /** From one entry of {@code GET /_sim/patch-states}. */
    static NodeState ofTruth(JsonNode state) {
        return new NodeState(
                state.get("Operation").asText().toUpperCase(Locale.ROOT),
                millis(state.path("OperationEndTime")),
                state.get("InstalledCount").asInt(),
                state.get("MissingCount").asInt(),
                state.get("FailedCount").asInt());
    }

    /** From one instance of reporting's {@code GET /v1/tenants/{tenantId}/instances}. */
    static NodeState ofInstance(JsonNode instance) {
        JsonNode operation = instance.path("lastOperation");
        return new NodeState(
                operation.isTextual() ? operation.asText().toUpperCase(Locale.ROOT) : null,
                millis(instance.path("lastOperationEndedAt")),
                instance.path("installed").asInt(),
                instance.path("missing").asInt(),
                instance.path("failed").asInt());
    }

    /** Whether this is the state of an Install that ended at or after {@code since}: what a window run leaves. */
    boolean installedSince(Instant since) {
        return "INSTALL".equals(operation)
                && endedAt != null
                && !endedAt.isBefore(since.truncatedTo(ChronoUnit.MILLIS));
    }

    private static @Nullable Instant millis(@Nullable JsonNode value) {
        return value == null || !value.isTextual() || value.asText().isEmpty()
                ? null
                : Instant.parse(value.asText()).truncatedTo(ChronoUnit.MILLIS);
    }
}
