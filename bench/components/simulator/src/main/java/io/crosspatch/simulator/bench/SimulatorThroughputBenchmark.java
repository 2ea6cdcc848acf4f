package io.crosspatch.simulator.bench;

import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * How many AWS API calls per second the simulator sustains with rate limits off, measured with the real SDK
 * (SigV4 signing on the client, verification on the server) from client threads in the same machine, so the
 * figure is a floor: client and server share the two cores. Not a test: run it with
 * {@code mvn -o -pl bench/components/simulator exec:java
 * -Dexec.mainClass=io.crosspatch.simulator.bench.SimulatorThroughputBenchmark}; it writes
 * {@code target/simulator-throughput.md} under the working directory (exec:java runs in Maven's JVM).
 */
public final class SimulatorThroughputBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SimulatorThroughputBenchmark.class);
    private static final int CLIENT_THREADS = Integer.getInteger("bench.threads", 16);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

    private SimulatorThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (CloudSimulator simulator = CloudSimulator.start(
                SimulatorConfig.defaults().rateLimitsEnabled(false).threads(16))) {
            StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    simulator.managementCredentials().accessKeyId(),
                    simulator.managementCredentials().secretAccessKey()));
            StsClient sts = StsClient.builder()
                    .endpointOverride(simulator.endpoint())
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(keys)
                    .build();
            IamClient iam = IamClient.builder()
                    .endpointOverride(simulator.endpoint())
                    .region(Region.AWS_GLOBAL)
                    .credentialsProvider(keys)
                    .build();
            SsmClient ssm = SsmClient.builder()
                    .endpointOverride(simulator.endpoint())
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(keys)
                    .build();
            iam.createRole(
                    r -> r.roleName("BenchRole")
                            .assumeRolePolicyDocument(
                                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ssm.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
            OrganizationsClient organizations = OrganizationsClient.builder()
                    .endpointOverride(simulator.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(keys)
                    .build();
            BenchmarkMix.BASELINE.set(ssm.createPatchBaseline(r -> r.name("bench-baseline")
                            .operatingSystem("WINDOWS")
                            .approvalRules(a -> a.patchRules(rule -> rule.approveAfterDays(7)
                                    .patchFilterGroup(g -> g.patchFilters(
                                            f -> f.key("CLASSIFICATION").values("*"))))))
                    .baselineId());
            List<Consumer<Integer>> mix = BenchmarkMix.operations(sts, iam, ssm, organizations);

            run(mix, WARM_UP);
            Result result = run(mix, MEASURE);
            String report = String.format(
                    Locale.ROOT,
                    """
                    # Cloud simulator throughput

                    | figure | value |
                    |---|---|
                    | calls | %d |
                    | errors | %d |
                    | seconds | %.1f |
                    | calls/s | %.0f |
                    | p50 latency (ms) | %.2f |
                    | p99 latency (ms) | %.2f |
                    | client threads | %d |
                    | operation mix | %s |
                    """,
                    result.calls,
                    result.errors,
                    result.seconds,
                    result.calls / result.seconds,
                    result.p50Millis,
                    result.p99Millis,
                    CLIENT_THREADS,
                    BenchmarkMix.describe());
            Path out = Path.of("target", "simulator-throughput.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            log.info("wrote {}\n{}", out.toAbsolutePath(), report);
        }
    }

    private static Result run(List<Consumer<Integer>> mix, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                for (int i = thread; System.nanoTime() < deadline; i++) {
                    long start = System.nanoTime();
                    try {
                        mix.get(i % mix.size()).accept(i);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    if (n < latencies.length) {
                        latencies[n++] = System.nanoTime() - start;
                    }
                    calls.incrementAndGet();
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            for (long latency : future.get()) {
                all.add(latency);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        all.sort(null);
        return new Result(calls.get(), errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty()
                ? 0
                : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
    }

    private record Result(long calls, long errors, double seconds, double p50Millis, double p99Millis) {}
}
