package io.crosspatch.bench.storm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The storm's view of the simulator's call counts ({@code SimulatorControl#calls()}): summed over accounts by service
 * and operation, most first, and as the report's table rows.
 */
final class CallTotals {

    /** AWS calls of one service and operation, summed over every account. */
    record CallCount(String service, String operation, long calls) {}

    private CallTotals() {}

    /** @param calls the simulator's rows ({@code accountId, service, operation, calls}) */
    static List<CallCount> of(JsonNode calls) {
        Map<String, Long> totals = new TreeMap<>();
        for (JsonNode row : calls) {
            totals.merge(
                    row.get("service").asText() + " " + row.get("operation").asText(),
                    row.get("calls").asLong(),
                    Long::sum);
        }
        return totals.entrySet().stream()
                .map(entry -> new CallCount(
                        entry.getKey().substring(0, entry.getKey().indexOf(' ')),
                        entry.getKey().substring(entry.getKey().indexOf(' ') + 1),
                        entry.getValue()))
                .sorted((a, b) -> Long.compare(b.calls(), a.calls()))
                .toList();
    }

    /** Table rows: service, operation, calls, calls per enrollment. */
    static List<Map<String, Object>> rows(List<CallCount> calls, long enrollments) {
        return calls.stream()
                .map(call -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("service", call.service());
                    row.put("operation", call.operation());
                    row.put("calls", call.calls());
                    row.put("per enrollment", enrollments == 0 ? 0.0 : (double) call.calls() / enrollments);
                    return row;
                })
                .toList();
    }
}
