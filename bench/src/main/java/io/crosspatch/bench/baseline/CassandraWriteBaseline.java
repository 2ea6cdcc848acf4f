package io.crosspatch.bench.baseline;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.bench.measure.Latencies;
import io.crosspatch.bench.report.Section;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the platform's Cassandra node takes from one client: prepared single-row INSERTs executed asynchronously with
 * a bounded number in flight, into a keyspace of its own (RF 1, as the services' locally). Measured twice — plain
 * writes and lightweight transactions ({@code INSERT … IF NOT EXISTS}, a Paxos round each) — because every claim in
 * the pipeline is an LWT, so the LWT rate is the ceiling the enrollment flow is measured against.
 */
public final class CassandraWriteBaseline {

    private static final String KEYSPACE = "bench_baseline";
    /** Writes made before the clock starts (prepared statements, connections, JIT, Paxos tables). */
    private static final int WARM_UP_WRITES = 1_000;

    /** The figures the ratios need. */
    public record Result(double writesPerSecond, double lwtWritesPerSecond) {}

    private final String contactPoint;
    private final String localDatacenter;

    /** @param contactPoint {@code host:port}, as in the testbed's Spring properties */
    public CassandraWriteBaseline(String contactPoint, String localDatacenter) {
        this.contactPoint = contactPoint;
        this.localDatacenter = localDatacenter;
    }

    public Result run(int plainWrites, int lwtWrites, int inFlight, Section plain, Section lwt) throws Exception {
        try (CqlSession session = connect()) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".writes (id uuid PRIMARY KEY, payload text, "
                    + "written_at timestamp)");
            try {
                PreparedStatement insert = session.prepare(
                        "INSERT INTO " + KEYSPACE + ".writes (id, payload, written_at) VALUES (?, ?, ?)");
                PreparedStatement claim = session.prepare(
                        "INSERT INTO " + KEYSPACE + ".writes (id, payload, written_at) VALUES (?, ?, ?) IF NOT EXISTS");
                double writesPerSecond = measure(session, insert, plainWrites, inFlight, plain, false);
                double lwtPerSecond = measure(session, claim, lwtWrites, inFlight, lwt, true);
                return new Result(writesPerSecond, lwtPerSecond);
            } finally {
                session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
            }
        }
    }

    private static double measure(
            CqlSession session,
            PreparedStatement statement,
            int writes,
            int inFlight,
            Section section,
            boolean conditional)
            throws InterruptedException {
        write(session, statement, WARM_UP_WRITES, inFlight, new Latencies(), conditional);
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        write(session, statement, writes, inFlight, latencies, conditional);
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = writes / seconds;
        section.figure("writes", writes, "rows")
                .figure("in flight", inFlight, "requests")
                .figure("elapsed", seconds, "s")
                .figure("throughput", perSecond, conditional ? "LWT writes/s" : "writes/s")
                .figures("latency ", latencies.summaryMillis(), "ms")
                .note("Prepared "
                        + (conditional
                                ? "INSERT … IF NOT EXISTS (a Paxos round per row, every one applied: " + "fresh keys)"
                                : "INSERT")
                        + " of one row (uuid key, 200-character text, timestamp) into a "
                        + "bench keyspace with RF 1, async from one DataStax driver session with at most " + inFlight
                        + " in flight; " + WARM_UP_WRITES + " writes first, not counted.");
        return perSecond;
    }

    /** Executes {@code count} writes of fresh keys, never more than {@code inFlight} at once; throws on any failure. */
    private static void write(
            CqlSession session,
            PreparedStatement statement,
            int count,
            int inFlight,
            Latencies latencies,
            boolean conditional)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong notApplied = new AtomicLong();
        String payload = "p".repeat(200);
        for (int i = 0; i < count && failure.get() == null; i++) {
            permits.acquire();
            long sent = System.nanoTime();
            CompletionStage<AsyncResultSet> result =
                    session.executeAsync(statement.bind(UUID.randomUUID(), payload, Instant.now()));
            result.whenComplete((rows, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    latencies.recordSince(sent);
                    if (conditional && !rows.wasApplied()) {
                        notApplied.incrementAndGet();
                    }
                }
                permits.release();
            });
        }
        if (!permits.tryAcquire(inFlight, 5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Cassandra did not answer the last writes in 5 min");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a write failed", failure.get());
        }
        if (notApplied.get() > 0) {
            throw new IllegalStateException(notApplied.get() + " conditional inserts of fresh keys were not applied");
        }
    }

    private CqlSession connect() {
        int colon = contactPoint.lastIndexOf(':');
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                // LWTs queue behind each other under load; the default 2 s would turn a slow node into failures
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 1024)
                .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(
                        contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1))))
                .withLocalDatacenter(localDatacenter)
                .withConfigLoader(config)
                .build();
    }
}
