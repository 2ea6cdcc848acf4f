package io.crosspatch.servicekit;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import io.crosspatch.events.PatchResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/** A minimal service built on the kit, as the four real services are. */
@SpringBootApplication
public class KitTestApplication {

    @Bean
    RecordingPatchResultListener recordingPatchResultListener() {
        return new RecordingPatchResultListener();
    }

    /**
     * Remembers what it received, so tests can see the consumer moved past poison records. A result whose hostname
     * starts with {@value #OUTAGE_PREFIX} fails {@value #OUTAGE_FAILURES} times as if Cassandra were out — more than
     * the bounded retries allow — before it is taken.
     */
    public static class RecordingPatchResultListener {

        public static final String OUTAGE_PREFIX = "outage-";
        public static final int OUTAGE_FAILURES = 12;

        private final List<PatchResult> received = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        @KafkaListener(topics = "patch.results", groupId = "service-kit-test")
        void onPatchResult(PatchResult result) {
            if (result.getHostname().startsWith(OUTAGE_PREFIX)
                    && failures.computeIfAbsent(result.getHostname(), h -> new AtomicInteger())
                                    .incrementAndGet()
                            <= OUTAGE_FAILURES) {
                throw new IllegalStateException(
                        "could not record the result", new DriverTimeoutException("Query timed out after PT2S"));
            }
            received.add(result);
        }

        /** How many tries of {@code hostname}'s result failed as if Cassandra were out. */
        public int outageFailures(String hostname) {
            AtomicInteger failed = failures.get(hostname);
            return failed == null ? 0 : Math.min(failed.get(), OUTAGE_FAILURES);
        }

        public List<PatchResult> received() {
            return received;
        }
    }
}
