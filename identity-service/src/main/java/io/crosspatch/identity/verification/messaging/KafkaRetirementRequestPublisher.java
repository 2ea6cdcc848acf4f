package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.InstanceRetirementRequested;
import io.crosspatch.identity.verification.application.RetirementRequestPublisher;
import io.crosspatch.identity.verification.application.RetirementUnavailableException;
import io.crosspatch.identity.verification.domain.RetirementRequest;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code instance.retirement.requested} keyed by cloud account and waits for the broker, so the admin's
 * {@code 202} means patching-service will see the request.
 */
@Component
class KafkaRetirementRequestPublisher implements RetirementRequestPublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, Object> kafka;

    KafkaRetirementRequestPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(RetirementRequest request) {
        InstanceRetirementRequested event = InstanceRetirementRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(request.requestedAt())
                .setRequestId(request.requestId())
                .setRequestedBy(request.requestedBy())
                .setTenantId(request.tenantId())
                .setProvider(Providers.toAvro(request.provider()))
                .setCloudAccountId(request.cloudAccountId())
                .setInstanceId(request.instanceId())
                .build();
        try {
            kafka.send(
                            Topics.INSTANCE_RETIREMENT_REQUESTED.name(),
                            request.cloudAccountKey().toString(),
                            event)
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetirementUnavailableException("interrupted while publishing the retirement request", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RetirementUnavailableException("the retirement request could not be published", e);
        }
    }
}
