package io.crosspatch.reporting.bench;

import static io.crosspatch.reporting.support.PatchResults.patches;
import static io.crosspatch.reporting.support.PatchResults.state;

import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.Provider;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.application.ReportingQueries;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Ingest rate of {@code patch.results} into the Cassandra read model, end to end: events are first published
 * to Kafka (Avro, Confluent wire format) with the listeners stopped, then the listeners are started and the
 * clock runs until the summary counts every instance, i.e. every patch row and every aggregate is stored.
 *
 * <p>Sizing: {@code -Dinstances=20000 -Dpatches=20 -Daccounts=50 -Dconcurrency=1} (events, patches per event,
 * cloud accounts, listener threads). Run with {@code mvn -o -pl bench/components/reporting exec:java
 * -Dexec.mainClass=io.crosspatch.reporting.bench.PatchResultIngestBenchmark}.
 */
public final class PatchResultIngestBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PatchResultIngestBenchmark.class);

    private PatchResultIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("instances", 20_000);
        int patchesPerEvent = Integer.getInteger("patches", 20);
        int accounts = Integer.getInteger("accounts", 50);
        String concurrency = System.getProperty("concurrency", "1");
        String tenant = "bench-ingest";
        Testbed.shared();
        try (BenchmarkService service = new BenchmarkService(Map.of(
                "spring.kafka.listener.auto-startup", "false",
                "spring.kafka.listener.concurrency", concurrency,
                "crosspatch.reporting.summary-cache-ttl", "0s"))) {
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, Object> kafka = service.bean(KafkaTemplate.class);
            service.awaitTopicReady(Topics.PATCH_RESULTS.name());
            Instant at = Instant.parse("2026-11-10T00:00:00Z");
            long publishStart = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                String account = "acct-" + (i % accounts);
                PatchResult event = state(
                        tenant,
                        Provider.GCP,
                        account,
                        "i-" + i,
                        at,
                        patches(patchesPerEvent - 3, 2, 1, at),
                        i % 10 != 0,
                        i % 4 != 0,
                        OperationOutcome.SUCCEEDED);
                kafka.send(
                        Topics.PATCH_RESULTS.name(), new CloudAccountKey(CloudProvider.GCP, account).toString(), event);
            }
            kafka.flush();
            double publishSeconds = (System.nanoTime() - publishStart) / 1e9;

            ReportingQueries queries = service.bean(ReportingQueries.class);
            long start = System.nanoTime();
            service.bean(KafkaListenerEndpointRegistry.class).start();
            while (queries.summary(tenant).totals().instances() < instances) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = (long) instances * patchesPerEvent;
            log.warn(
                    "published {} patch.results ({} patches each, {} accounts) in {} s",
                    instances,
                    patchesPerEvent,
                    accounts,
                    String.format("%.1f", publishSeconds));
            log.warn(
                    "INGEST: {} events, {} patch rows stored in {} s with {} listener thread(s): {} events/s, {} patch rows/s",
                    instances,
                    rows,
                    String.format("%.1f", seconds),
                    concurrency,
                    String.format("%.0f", instances / seconds),
                    String.format("%.0f", rows / seconds));
        }
        Testbed.shared().close();
    }
}
