package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/**
 * One cloud account's summary figures, the ones the end-to-end test holds the dashboard to: computed from the
 * simulator's managed nodes and patch states (what SSM holds), or read from a row of reporting's summary. The sweep
 * is complete for an account when both are equal.
 */
record AccountFigures(
        int instances,
        int online,
        int pendingOsUpdates,
        int instancesWithPendingOsUpdates,
        int pendingAgentUpdates,
        int failedUpdates,
        int lastRunSucceeded,
        int lastRunFailed) {

    /** From {@code /_sim/nodes} and {@code /_sim/patch-states} of the account's system account and region. */
    static AccountFigures ofTruth(Collection<JsonNode> nodes, Collection<JsonNode> states) {
        return new AccountFigures(
                nodes.size(),
                (int) nodes.stream()
                        .filter(n -> n.get("pingStatus").asText().equals("Online"))
                        .count(),
                states.stream().mapToInt(s -> s.get("MissingCount").asInt()).sum(),
                (int) states.stream()
                        .filter(s -> s.get("MissingCount").asInt() > 0)
                        .count(),
                (int) nodes.stream()
                        .filter(n -> !n.get("isLatestVersion").asBoolean())
                        .count(),
                states.stream().mapToInt(s -> s.get("FailedCount").asInt()).sum(),
                (int) states.stream()
                        .filter(s -> s.get("Succeeded").asBoolean())
                        .count(),
                (int) states.stream()
                        .filter(s -> !s.get("Succeeded").asBoolean())
                        .count());
    }

    /** From the {@code figures} of a row of {@code GET /v1/tenants/{tenantId}/summary}. */
    static AccountFigures ofSummary(JsonNode figures) {
        return new AccountFigures(
                figures.get("instances").asInt(),
                figures.get("online").asInt(),
                figures.get("pendingOsUpdates").asInt(),
                figures.get("instancesWithPendingOsUpdates").asInt(),
                figures.get("pendingAgentUpdates").asInt(),
                figures.get("failedUpdates").asInt(),
                figures.path("lastRun").path("succeeded").asInt(),
                figures.path("lastRun").path("failed").asInt());
    }
}
