package io.crosspatch.patching.offboarding.messaging;

import io.crosspatch.events.AccountOffboarded;
import io.crosspatch.patching.offboarding.application.AccountOffboarder;
import io.crosspatch.patching.offboarding.application.OffboardingRequest;
import io.crosspatch.schemas.topics.Providers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Thin adapter: unwraps an {@code account.offboarded} record and hands it to the offboarder. */
@Component
class AccountOffboardedListener {

    private final AccountOffboarder offboarder;

    public AccountOffboardedListener(AccountOffboarder offboarder) {
        this.offboarder = offboarder;
    }

    @KafkaListener(topics = "#{T(io.crosspatch.schemas.topics.Topics).ACCOUNT_OFFBOARDED.name()}")
    public void onAccountOffboarded(ConsumerRecord<String, AccountOffboarded> record) {
        AccountOffboarded event = record.value();
        MDC.put("cloudAccountKey", record.key());
        try {
            offboarder.offboard(new OffboardingRequest(
                    Providers.accountKey(event.getProvider(), event.getCloudAccountId()),
                    event.getTenantId(),
                    event.getOffboardedAt()));
        } finally {
            MDC.remove("cloudAccountKey");
        }
    }
}
