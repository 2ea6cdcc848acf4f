package io.crosspatch.bench.drill;

import io.crosspatch.launcher.LocalService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The catalogue of drills by name, and the groups {@code --only} accepts (kill, kafka, cassandra, faults, poison). */
public final class Drills {

    private Drills() {}

    /** The drills selected by {@code only} (group names or drill names); all when empty. */
    public static List<StormDrillHandle> select(Set<String> only) {
        List<StormDrillHandle> all = new ArrayList<>();
        for (LocalService service : LocalService.values()) {
            all.add(new StormDrillHandle(
                    "kill", new StormDrill("kill-" + service.module(), Faults.kill(service, Duration.ofSeconds(5)))));
        }
        all.add(new StormDrillHandle("kafka", new StormDrill("kafka-restart", Faults.kafka())));
        all.add(new StormDrillHandle("cassandra", new StormDrill("cassandra-restart", Faults.cassandra())));
        all.add(new StormDrillHandle(
                "faults", new StormDrill("aws-throttling-and-5xx", Faults.simulatorFaults(0.10, 0.02))));
        all.add(new StormDrillHandle(
                "poison", new StormDrill("poison-records", new PoisonRecords(Duration.ofMinutes(3)))));
        return all.stream()
                .filter(drill -> only.isEmpty() || only.contains(drill.group()) || only.contains(drill.name()))
                .toList();
    }

    /** A drill with the group it belongs to. */
    public record StormDrillHandle(String group, StormDrill drill) {

        public String name() {
            return drill.name();
        }

        public void run(java.nio.file.Path root, DrillSizes sizes, io.crosspatch.bench.report.Section section)
                throws Exception {
            drill.run(root, sizes, section);
        }
    }
}
