package io.crosspatch.patching.retirement.messaging;

import io.crosspatch.events.InstanceRetirementRequested;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.retirement.application.InstanceRetirement;
import io.crosspatch.patching.retirement.domain.RetirementOrder;
import io.crosspatch.patching.retirement.domain.RetirementReason;
import io.crosspatch.schemas.topics.Providers;
import java.util.Optional;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code instance.retirement.requested} (an admin's request through identity-service) and hands it to
 * {@link InstanceRetirement}. Thin: a redelivered or repeated request finds the retirement claimed and does
 * nothing twice.
 */
@Component
class RetirementRequestListener {

    private final InstanceRetirement retirement;

    RetirementRequestListener(InstanceRetirement retirement) {
        this.retirement = retirement;
    }

    @KafkaListener(topics = "#{T(io.crosspatch.schemas.topics.Topics).INSTANCE_RETIREMENT_REQUESTED.name()}")
    public void onRetirementRequested(InstanceRetirementRequested request) {
        retirement.retire(order(request));
    }

    static RetirementOrder order(InstanceRetirementRequested request) {
        return new RetirementOrder(
                new CloudAccountKey(Providers.fromAvro(request.getProvider()), request.getCloudAccountId()),
                request.getInstanceId(),
                RetirementReason.REQUESTED,
                Optional.of(request.getRequestedBy()),
                Optional.of(request.getRequestId()));
    }
}
