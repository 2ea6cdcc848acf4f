package io.crosspatch.bench.storm;

import io.crosspatch.bench.fleet.BenchFleet.Enrolled;
import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.bench.storm.ActivationWatcher.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits each activated enrollment's time into the pipeline's stages — ingress, verifier, account-service,
 * patching-service, delivery to a consumer — from the event times of the records each stage produced, so that a slow
 * storm says which service it waited on. Per group (new and existing accounts), since only new accounts wait for
 * account creation.
 */
final class StageBreakdown {

    private static final List<String> STAGES = List.of(
            "ingress (→ enrollment.requested)",
            "verifier (→ identity.verified)",
            "account-service (→ account.ready)",
            "patching-service (→ instance.activated)",
            "delivery (→ seen by a consumer)");

    private StageBreakdown() {}

    static List<String> columns() {
        return List.of("accounts", "stage", "enrollments", "p50 ms", "p90 ms", "p99 ms", "max ms");
    }

    /** Of the activated enrollments, how many had no record seen at each stage (the breakdown leaves them out). */
    static Map<String, Long> missingRecords(List<Enrolled> enrolled, ActivationWatcher watcher) {
        Map<String, Long> missing = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            missing.put(
                    stage.name(),
                    enrolled.stream()
                            .filter(one -> watcher.activated(one.enrollmentId()).isPresent())
                            .filter(one -> watcher.stageTimes(one.enrollmentId())[stage.ordinal()] == 0)
                            .count());
        }
        return missing;
    }

    static List<Map<String, Object>> rows(
            List<Enrolled> enrolled, ActivationWatcher watcher, Set<String> existingKeys) {
        Map<String, List<Latencies>> byGroup = new LinkedHashMap<>();
        for (Enrolled one : enrolled) {
            var activation = watcher.activated(one.enrollmentId());
            long[] times = watcher.stageTimes(one.enrollmentId());
            if (activation.isEmpty() || Arrays.stream(times).anyMatch(time -> time == 0)) {
                continue;
            }
            long[] marks = {
                one.postedAtEpochMillis(),
                times[Stage.REQUESTED.ordinal()],
                times[Stage.VERIFIED.ordinal()],
                times[Stage.ACCOUNT_READY.ordinal()],
                times[Stage.ACTIVATION_ISSUED.ordinal()],
                activation.get().seenEpochMillis()
            };
            String group = existingKeys.contains(one.vm().account().key()) ? "existing" : "new";
            record(byGroup.computeIfAbsent(group, key -> newStages()), marks);
            record(byGroup.computeIfAbsent("all", key -> newStages()), marks);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String group : List.of("all", "new", "existing")) {
            List<Latencies> stages = byGroup.get(group);
            if (stages == null) {
                continue;
            }
            for (int i = 0; i < STAGES.size(); i++) {
                Map<String, Object> summary = stages.get(i).summaryMillis();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("accounts", group);
                row.put("stage", STAGES.get(i));
                row.put("enrollments", summary.get("count"));
                row.put("p50 ms", summary.get("p50"));
                row.put("p90 ms", summary.get("p90"));
                row.put("p99 ms", summary.get("p99"));
                row.put("max ms", summary.get("max"));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Latencies> newStages() {
        List<Latencies> stages = new ArrayList<>();
        STAGES.forEach(stage -> stages.add(new Latencies()));
        return stages;
    }

    /** Each stage's time is the next mark minus this one; clocks of one machine, so never much below zero. */
    private static void record(List<Latencies> stages, long[] marks) {
        for (int i = 0; i < STAGES.size(); i++) {
            stages.get(i).recordNanos(Math.max(0, marks[i + 1] - marks[i]) * 1_000_000L);
        }
    }
}
