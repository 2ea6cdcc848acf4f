package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.InstanceRetired;
import io.crosspatch.identity.role.IngressRole;
import io.crosspatch.identity.verification.application.InstanceRetirements;
import io.crosspatch.schemas.topics.Providers;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code instance.retired} in the ingress's consumer group (which serves the status view) and hands it to
 * {@link InstanceRetirements}: one listener for both the claim and the status, so no second container in the group
 * takes half of the topic's partitions. Both writes are idempotent, so a redelivery changes nothing.
 */
@Component
@IngressRole
class InstanceRetiredListener {

    private final InstanceRetirements retirements;

    InstanceRetiredListener(InstanceRetirements retirements) {
        this.retirements = retirements;
    }

    @KafkaListener(topics = "#{T(io.crosspatch.schemas.topics.Topics).INSTANCE_RETIRED.name()}")
    public void onInstanceRetired(InstanceRetired event) {
        try (MDC.MDCCloseable id =
                MDC.putCloseable("enrollmentId", event.getEnrollmentId() == null ? "-" : event.getEnrollmentId())) {
            retirements.retired(
                    Providers.fromAvro(event.getProvider()),
                    event.getCloudAccountId(),
                    event.getInstanceId(),
                    event.getEnrollmentId(),
                    event.getReason().name(),
                    event.getOccurredAt());
        }
    }
}
