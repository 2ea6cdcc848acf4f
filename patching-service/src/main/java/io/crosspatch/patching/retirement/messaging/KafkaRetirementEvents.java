package io.crosspatch.patching.retirement.messaging;

import io.crosspatch.events.InstanceRetired;
import io.crosspatch.events.RetirementReason;
import io.crosspatch.patching.retirement.application.RetirementEvents;
import io.crosspatch.patching.retirement.domain.Retirement;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code instance.retired} keyed by cloud account, with the event id and time the retirement was claimed
 * with (a resumed retirement republishes the same event). Waits for the broker's acknowledgement, so the
 * retirement is marked done only once the event is out.
 */
@Component
class KafkaRetirementEvents implements RetirementEvents {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Object> kafka;

    KafkaRetirementEvents(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void retired(Retirement retirement) {
        InstanceRetired event = InstanceRetired.newBuilder()
                .setEventId(retirement.eventId())
                .setOccurredAt(retirement.retiredAt())
                .setTenantId(retirement.tenantId())
                .setProvider(Providers.toAvro(retirement.provider()))
                .setCloudAccountId(retirement.cloudAccountId())
                .setInstanceId(retirement.instanceId())
                .setSystemAccountId(retirement.systemAccountId())
                .setEnrollmentId(retirement.enrollmentId())
                .setManagedInstanceId(retirement.managedInstanceId().orElse(null))
                .setReason(RetirementReason.valueOf(retirement.reason().name()))
                .setRequestedBy(retirement.requestedBy().orElse(null))
                .setRequestId(retirement.requestId().orElse(null))
                .build();
        String topic = Topics.INSTANCE_RETIRED.name();
        try {
            kafka.send(topic, retirement.cloudAccountKey().toString(), event)
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
