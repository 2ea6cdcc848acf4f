package io.crosspatch.bench.platform;

import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import io.crosspatch.launcher.PortBlocks;
import io.crosspatch.testbed.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts the local platform for a benchmark or drill: the same {@link Platform} that {@code run-local.sh} runs (the
 * real Kafka, Cassandra and registry, the simulator, the four service JVMs), on free ports so that it never
 * collides with a running local platform or another run, with its work directory under {@code target/}.
 */
public final class BenchPlatform {

    private BenchPlatform() {}

    /**
     * @param root      the repository checkout whose modules were built ({@code mvn -DskipTests install})
     * @param name      the run's name; its work directory is {@code bench/target/platform/<name>}
     * @param tuning    service arguments, heaps and VMware orgs on top of the defaults
     */
    public static Platform start(Path root, String name, Tuning tuning) throws Exception {
        Platform.Options options = new Platform.Options(
                        root,
                        root.resolve("bench")
                                .resolve("target")
                                .resolve("platform")
                                .resolve(name),
                        FreePorts.take(),
                        PortBlocks.free(5),
                        tuning.sweepInterval())
                .withExtraArguments(tuning.serviceArguments())
                .withHeaps(tuning.heaps());
        if (!tuning.vmwareOrgs().isEmpty()) {
            options = options.withVmwareOrgs(tuning.vmwareOrgs());
        }
        return Platform.start(options);
    }

    /** What a run changes about the platform. */
    public record Tuning(
            Duration sweepInterval,
            Map<LocalService, List<String>> serviceArguments,
            Map<String, String> heaps,
            List<String> vmwareOrgs) {

        public static Tuning defaults() {
            return new Tuning(Duration.ofSeconds(15), Map.of(), Map.of(), List.of());
        }

        public Tuning withSweepInterval(Duration interval) {
            return new Tuning(interval, serviceArguments, heaps, vmwareOrgs);
        }

        public Tuning withServiceArguments(Map<LocalService, List<String>> arguments) {
            return new Tuning(sweepInterval, arguments, heaps, vmwareOrgs);
        }

        public Tuning withHeaps(Map<String, String> maxHeaps) {
            return new Tuning(sweepInterval, serviceArguments, maxHeaps, vmwareOrgs);
        }

        public Tuning withVmwareOrgs(List<String> orgs) {
            return new Tuning(sweepInterval, serviceArguments, heaps, orgs);
        }
    }
}
