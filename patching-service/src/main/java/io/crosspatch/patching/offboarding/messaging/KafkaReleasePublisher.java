package io.crosspatch.patching.offboarding.messaging;

import io.crosspatch.events.AccountReleased;
import io.crosspatch.patching.offboarding.application.ReleasePublisher;
import io.crosspatch.patching.offboarding.domain.AccountOffboarding;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes {@code account.released}, keyed by the cloud account key, and waits (bounded) for the acknowledgement. */
@Component
class KafkaReleasePublisher implements ReleasePublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    public KafkaReleasePublisher(KafkaTemplate<String, Object> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void released(AccountOffboarding offboarding, Instant at) {
        AccountReleased event = AccountReleased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setTenantId(offboarding.tenantId())
                .setProvider(Providers.toAvro(offboarding.cloudAccountKey().provider()))
                .setCloudAccountId(offboarding.cloudAccountKey().cloudAccountId())
                .setSystemAccountId(offboarding.account().accountId())
                .setReleasedAt(at)
                .build();
        try {
            kafka.send(
                            Topics.ACCOUNT_RELEASED.name(),
                            offboarding.cloudAccountKey().toString(),
                            event)
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing account.released", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish account.released", e);
        }
    }
}
