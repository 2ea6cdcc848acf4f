package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The simulator's call counts ({@code GET /_sim/calls}) summed over accounts, by service and operation. */
final class CallCounts {

    private CallCounts() {}

    /** {@code "SSM DescribeInstancePatches" → calls}, largest first (ties by name). */
    static Map<String, Long> byOperation(JsonNode rows) {
        Map<String, Long> sums = new TreeMap<>();
        for (JsonNode row : rows) {
            sums.merge(
                    row.get("service").asText() + " " + row.get("operation").asText(),
                    row.get("calls").asLong(),
                    Long::sum);
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> sorted = new LinkedHashMap<>();
        entries.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    static long total(Map<String, Long> byOperation) {
        return byOperation.values().stream().mapToLong(Long::longValue).sum();
    }
}
