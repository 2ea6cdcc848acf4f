package io.crosspatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.client.SimulatorControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS calls each step of the fleet's life made, read from the simulator's call counters (every account, every
 * service) before and after the step: what the issue asks the life test to report, and what a reader compares
 * with the step's description ("a reboot makes no AWS call", "a month costs this many scans").
 */
final class AwsCallLedger {

    private static final Logger log = LoggerFactory.getLogger(AwsCallLedger.class);

    /** One step and the calls it made, by {@code service:operation}. */
    record Step(String name, Map<String, Long> calls) {
        long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        long of(String service, String operation) {
            return calls.getOrDefault(service + ":" + operation, 0L);
        }
    }

    private final SimulatorControl simulator;
    private final List<Step> steps = new ArrayList<>();
    private Map<String, Long> before;

    AwsCallLedger(SimulatorControl simulator) {
        this.simulator = simulator;
        this.before = totals();
    }

    /** Closes the step that ran since the last call: its calls are the counters' growth since then. */
    Step record(String name) {
        Map<String, Long> now = totals();
        Map<String, Long> made = new TreeMap<>();
        now.forEach((operation, count) -> {
            long grown = count - before.getOrDefault(operation, 0L);
            if (grown > 0) {
                made.put(operation, grown);
            }
        });
        before = now;
        Step step = new Step(name, made);
        steps.add(step);
        log.info("step '{}': {} AWS calls {}", name, step.total(), made);
        return step;
    }

    /** The report, one table row per step, written beside the test's logs. */
    void write(Path file) throws IOException {
        StringBuilder report = new StringBuilder("| step | AWS calls | by operation |\n|---|---:|---|\n");
        for (Step step : steps) {
            report.append("| ")
                    .append(step.name())
                    .append(" | ")
                    .append(step.total())
                    .append(" | ")
                    .append(step.calls().isEmpty() ? "—" : step.calls().toString())
                    .append(" |\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private Map<String, Long> totals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (JsonNode row : simulator.calls()) {
            totals.merge(
                    row.get("service").asText() + ":" + row.get("operation").asText(),
                    row.get("calls").asLong(),
                    Long::sum);
        }
        return totals;
    }
}
