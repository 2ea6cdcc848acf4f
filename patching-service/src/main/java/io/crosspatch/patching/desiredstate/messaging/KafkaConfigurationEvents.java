package io.crosspatch.patching.desiredstate.messaging;

import io.crosspatch.events.AccountConfigured;
import io.crosspatch.events.ConfigurationChanges;
import io.crosspatch.events.ConfigurationReason;
import io.crosspatch.patching.desiredstate.application.ConfigurationEvents;
import io.crosspatch.patching.desiredstate.domain.AccountConfiguration;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code account.configured}, keyed by cloud account, waiting for the broker's acknowledgement so the
 * configurer records an applied plan only once it was told. The domain's reason and the Avro enum hold the same
 * symbols and are mapped by name.
 */
@Component
class KafkaConfigurationEvents implements ConfigurationEvents {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, Object> kafka;

    KafkaConfigurationEvents(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void configured(AccountConfiguration configuration) {
        try {
            kafka.send(
                            Topics.ACCOUNT_CONFIGURED.name(),
                            configuration.cloudAccount().toString(),
                            toAvro(configuration))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing account.configured", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish account.configured", e);
        }
    }

    static AccountConfigured toAvro(AccountConfiguration configuration) {
        return AccountConfigured.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(configuration.appliedAt())
                .setTenantId(configuration.tenantId())
                .setProvider(Providers.toAvro(configuration.cloudAccount().provider()))
                .setCloudAccountId(configuration.cloudAccount().cloudAccountId())
                .setSystemAccountId(configuration.systemAccountId())
                .setRegion(configuration.region())
                .setPolicyVersion(configuration.policy().label())
                .setPolicyHash(configuration.policy().hash())
                .setPlanHash(configuration.planHash())
                .setAppliedAt(configuration.appliedAt())
                .setReason(ConfigurationReason.valueOf(configuration.reason().name()))
                .setChanges(new ConfigurationChanges(
                        configuration.changes().baselines(),
                        configuration.changes().windows(),
                        configuration.changes().associations()))
                .setAgentUpdateSchedule(configuration.agentUpdateSchedule())
                .build();
    }
}
