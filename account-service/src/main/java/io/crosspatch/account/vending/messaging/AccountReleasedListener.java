package io.crosspatch.account.vending.messaging;

import io.crosspatch.account.vending.application.AccountRelease;
import io.crosspatch.account.vending.application.ReleasedAccount;
import io.crosspatch.events.AccountReleased;
import io.crosspatch.schemas.topics.Providers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Thin adapter: unwraps an {@code account.released} record and hands it to the release. */
@Component
class AccountReleasedListener {

    /** The listener container id. */
    static final String ID = "account-vending-account-released";

    private final AccountRelease release;

    public AccountReleasedListener(AccountRelease release) {
        this.release = release;
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).ACCOUNT_RELEASED.name()}")
    public void onAccountReleased(ConsumerRecord<String, AccountReleased> record) {
        AccountReleased event = record.value();
        MDC.put("cloudAccountKey", record.key());
        try {
            release.release(new ReleasedAccount(
                    Providers.accountKey(event.getProvider(), event.getCloudAccountId()),
                    event.getTenantId(),
                    event.getSystemAccountId(),
                    event.getReleasedAt()));
        } finally {
            MDC.remove("cloudAccountKey");
        }
    }
}
