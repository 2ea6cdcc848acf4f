package io.crosspatch.identity.onboarding.messaging;

import io.crosspatch.events.AccountOffboarded;
import io.crosspatch.identity.onboarding.application.OffboardingPublisher;
import io.crosspatch.identity.onboarding.application.OffboardingUnavailableException;
import io.crosspatch.identity.onboarding.domain.OffboardedAccount;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes {@code account.offboarded}, keyed by the cloud account key, and waits (bounded) for the acknowledgement. */
@Component
class KafkaOffboardingPublisher implements OffboardingPublisher {

    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    public KafkaOffboardingPublisher(KafkaTemplate<String, Object> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void publish(OffboardedAccount account) {
        AccountOffboarded event = AccountOffboarded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setTenantId(account.tenantId())
                .setProvider(Providers.toAvro(account.key().provider()))
                .setCloudAccountId(account.key().cloudAccountId())
                .setRequestedBy(account.requestedBy())
                .setOffboardedAt(account.offboardedAt())
                .setTenantOffboarded(account.tenantOffboarded())
                .build();
        try {
            kafka.send(Topics.ACCOUNT_OFFBOARDED.name(), account.key().toString(), event)
                    .get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OffboardingUnavailableException("interrupted while publishing the offboarding", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new OffboardingUnavailableException("the broker did not acknowledge the offboarding", e);
        }
    }
}
