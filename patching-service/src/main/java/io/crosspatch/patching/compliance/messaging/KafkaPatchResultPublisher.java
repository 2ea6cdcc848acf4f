package io.crosspatch.patching.compliance.messaging;

import io.crosspatch.patching.compliance.application.PatchResultPublisher;
import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.schemas.topics.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code patch.results}, keyed by cloud account, waiting for the broker's acknowledgement so the
 * collector records a state as published only once it is.
 */
@Component
class KafkaPatchResultPublisher implements PatchResultPublisher {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, Object> kafka;

    public KafkaPatchResultPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(PatchReport report) {
        try {
            kafka.send(Topics.PATCH_RESULTS.name(), PatchResults.key(report).toString(), PatchResults.toAvro(report))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a patch result", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a patch result", e);
        }
    }
}
