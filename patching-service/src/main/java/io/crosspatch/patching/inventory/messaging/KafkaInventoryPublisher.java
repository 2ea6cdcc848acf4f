package io.crosspatch.patching.inventory.messaging;

import io.crosspatch.patching.inventory.application.InventoryPublisher;
import io.crosspatch.patching.inventory.domain.InventoryReport;
import io.crosspatch.schemas.topics.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code instance.inventory}, keyed by cloud account, waiting for the broker's acknowledgement so the
 * collector marks an inventory as published only once it is.
 */
@Component
class KafkaInventoryPublisher implements InventoryPublisher {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, Object> kafka;

    public KafkaInventoryPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(InventoryReport report) {
        try {
            kafka.send(
                            Topics.INSTANCE_INVENTORY.name(),
                            report.node().cloudAccount().toString(),
                            InstanceInventories.toAvro(report))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing an inventory", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish an inventory", e);
        }
    }
}
