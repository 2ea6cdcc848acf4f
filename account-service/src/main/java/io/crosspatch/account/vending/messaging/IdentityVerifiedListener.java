package io.crosspatch.account.vending.messaging;

import io.crosspatch.account.vending.application.EnrollmentIntake;
import io.crosspatch.events.IdentityVerified;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin adapter: unwraps an {@code identity.verified} record, maps it out of the contract and hands it, with its
 * partition, to the intake.
 */
@Component
class IdentityVerifiedListener {

    /** The listener container id. */
    static final String ID = "account-vending-identity-verified";

    private final EnrollmentIntake intake;

    public IdentityVerifiedListener(EnrollmentIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).IDENTITY_VERIFIED.name()}",
            containerPostProcessor = AssignedPartitions.BEAN)
    public void onIdentityVerified(ConsumerRecord<String, IdentityVerified> record) {
        MDC.put("enrollmentId", record.value().getEnrollmentId());
        MDC.put("cloudAccountKey", record.key());
        try {
            intake.accept(EnrollmentMapping.enrollment(record.value()), record.partition());
        } finally {
            MDC.remove("enrollmentId");
            MDC.remove("cloudAccountKey");
        }
    }
}
