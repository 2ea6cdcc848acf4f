package io.crosspatch.reporting.policy.messaging;

import io.crosspatch.events.AccountConfigured;
import io.crosspatch.reporting.policy.application.PolicyVersions;
import io.crosspatch.reporting.policy.domain.AccountPolicy;
import io.crosspatch.schemas.topics.Providers;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code account.configured} into the policy-version view. Thin: unwrap, map, one application call. */
@Component
class AccountConfiguredListener {

    private final PolicyVersions versions;

    AccountConfiguredListener(PolicyVersions versions) {
        this.versions = versions;
    }

    @KafkaListener(
            id = "reporting-account-configured",
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).ACCOUNT_CONFIGURED.name()}")
    public void onAccountConfigured(ConsumerRecord<String, AccountConfigured> record) {
        versions.apply(List.of(policy(record.value())));
    }

    static AccountPolicy policy(AccountConfigured event) {
        return new AccountPolicy(
                event.getTenantId().toString(),
                Providers.fromAvro(event.getProvider()),
                event.getCloudAccountId().toString(),
                event.getSystemAccountId().toString(),
                event.getPolicyVersion().toString(),
                event.getAppliedAt(),
                event.getReason().name(),
                event.getAgentUpdateSchedule().toString());
    }
}
