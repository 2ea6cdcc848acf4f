package io.crosspatch.bench.baseline;

import io.crosspatch.bench.report.BenchReport;
import io.crosspatch.bench.report.Section;
import io.crosspatch.testbed.Testbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the raw infrastructure the services run on — the platform's own Kafka broker and Cassandra node — so that
 * the pipeline's figures can be printed as a share of what this machine's Kafka and Cassandra take at all. On a
 * noisy 2-core machine an absolute "enrollments per second" says little; a ratio to the LWT rate measured minutes
 * earlier on the same node says how close the pipeline runs to its storage's ceiling.
 */
public final class InfrastructureBaselines {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureBaselines.class);

    /** How much each baseline sends. */
    public record Options(
            int kafkaRecords,
            int kafkaRecordBytes,
            int cassandraWrites,
            int cassandraLwtWrites,
            int cassandraInFlight) {

        public static Options defaults() {
            return new Options(100_000, EnrollmentRequestSize.estimateBytes(), 100_000, 20_000, 128);
        }
    }

    /** The measured ceilings. */
    public record Baselines(
            double kafkaRecordsPerSecond,
            double kafkaMegabytesPerSecond,
            double cassandraWritesPerSecond,
            double cassandraLwtWritesPerSecond) {}

    private InfrastructureBaselines() {}

    /**
     * @param infrastructure the platform's Kafka and Cassandra, measured idle
     */
    public static Baselines run(Testbed infrastructure, BenchReport report, Options options) throws Exception {
        log.info(
                "Baseline: Kafka producer, {} records of {} bytes", options.kafkaRecords(), options.kafkaRecordBytes());
        Section kafka = report.section("Baseline: Kafka producer (acks=all, idempotent)");
        KafkaProducerBaseline.Result producer = new KafkaProducerBaseline(
                        infrastructure.kafka().bootstrapServers())
                .run(options.kafkaRecords(), options.kafkaRecordBytes(), kafka);
        kafka.note("Record size: the mean encoded enrollment.requested value over the four providers, estimated with "
                + "identity material of the real clouds' typical size (EnrollmentRequestSize); the storm reports the "
                + "size it saw.");
        report.write();

        log.info(
                "Baseline: Cassandra, {} writes and {} LWT writes",
                options.cassandraWrites(),
                options.cassandraLwtWrites());
        Section plain = report.section("Baseline: Cassandra writes");
        Section lwt = report.section("Baseline: Cassandra lightweight transactions (INSERT … IF NOT EXISTS)");
        CassandraWriteBaseline.Result cassandra = new CassandraWriteBaseline(
                        infrastructure.cassandra().contactPoint(),
                        infrastructure.cassandra().localDatacenter())
                .run(options.cassandraWrites(), options.cassandraLwtWrites(), options.cassandraInFlight(), plain, lwt);
        report.write();
        return new Baselines(
                producer.recordsPerSecond(),
                producer.megabytesPerSecond(),
                cassandra.writesPerSecond(),
                cassandra.lwtWritesPerSecond());
    }
}
