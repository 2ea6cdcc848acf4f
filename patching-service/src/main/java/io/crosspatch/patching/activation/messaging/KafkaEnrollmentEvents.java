package io.crosspatch.patching.activation.messaging;

import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.IssuedActivation;
import io.crosspatch.events.Provider;
import io.crosspatch.events.Registration;
import io.crosspatch.patching.activation.application.EnrollmentEvents;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentFailure;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes what patching-service says about enrollments: {@code instance.activated} (ACTIVATION_ISSUED with the
 * encrypted code, REGISTERED with the node and its tags) keyed by cloud account, and {@code enrollment.failed}
 * keyed by enrollment id. Sends wait for the broker's acknowledgement, so a caller marks an event published only
 * once it is. The Avro types stay here: the use cases hand over domain values.
 */
@Component
class KafkaEnrollmentEvents implements EnrollmentEvents {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    public KafkaEnrollmentEvents(KafkaTemplate<String, Object> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void activationIssued(Enrollment enrollment, String activationId, Instant expiresAt, SealedCode code) {
        send(
                Topics.INSTANCE_ACTIVATED.name(),
                enrollment.cloudAccountKey().toString(),
                base(enrollment)
                        .setStage(ActivationStage.ACTIVATION_ISSUED)
                        .setActivation(IssuedActivation.newBuilder()
                                .setActivationId(activationId)
                                .setRegion(enrollment.account().region())
                                .setExpiresAt(expiresAt)
                                .setEncryptedActivationCode(code.jwe())
                                .setEncryptionKeyId(code.keyId())
                                .build())
                        .build());
    }

    @Override
    public void registered(
            Enrollment enrollment, String managedInstanceId, Map<String, String> tags, Optional<String> replaced) {
        send(
                Topics.INSTANCE_ACTIVATED.name(),
                enrollment.cloudAccountKey().toString(),
                base(enrollment)
                        .setStage(ActivationStage.REGISTERED)
                        .setRegistration(Registration.newBuilder()
                                .setManagedInstanceId(managedInstanceId)
                                .setTags(tags)
                                .setReplacesManagedInstanceId(replaced.orElse(null))
                                .build())
                        .build());
    }

    @Override
    public void failed(Enrollment enrollment, EnrollmentFailure failure) {
        send(
                Topics.ENROLLMENT_FAILED.name(),
                enrollment.enrollmentId(),
                EnrollmentFailed.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(clock.instant())
                        .setEnrollmentId(enrollment.enrollmentId())
                        .setStage(EnrollmentStage.valueOf(failure.stage()))
                        .setReasonCode(failure.reasonCode())
                        .setMessage(failure.message())
                        .setRetryable(failure.retryable())
                        .setTenantId(enrollment.tenantId())
                        .setProvider(provider(enrollment))
                        .setCloudAccountId(enrollment.cloudAccountId())
                        .build());
    }

    private InstanceActivated.Builder base(Enrollment enrollment) {
        return InstanceActivated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setEnrollmentId(enrollment.enrollmentId())
                .setTenantId(enrollment.tenantId())
                .setProvider(provider(enrollment))
                .setCloudAccountId(enrollment.cloudAccountId())
                .setInstanceId(enrollment.instanceId())
                .setSystemAccountId(enrollment.account().accountId());
    }

    private static Provider provider(Enrollment enrollment) {
        return Providers.toAvro(enrollment.provider());
    }

    private void send(String topic, String key, Object value) {
        try {
            kafka.send(topic, key, value).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
