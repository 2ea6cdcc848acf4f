package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.Provider;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.identity.verification.domain.CloudProvider;
import io.crosspatch.identity.verification.domain.VerificationOutcome;
import io.crosspatch.identity.verification.domain.VerifiedEnrollment;
import io.crosspatch.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the verifier's verdicts: {@code identity.verified} keyed by cloud account, {@code enrollment.failed}
 * (stage VERIFICATION, not retryable) keyed by enrollment id. Each send waits for the broker's acknowledgement,
 * so the listener returns — and its offset is committed — only once the verdict is safely on Kafka.
 */
@Component
@ConditionalOnProperty(name = "crosspatch.identity.verifier.enabled", havingValue = "true", matchIfMissing = true)
public class VerificationEvents {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock = Clock.systemUTC();

    public VerificationEvents(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    public void publish(VerificationOutcome outcome) {
        if (outcome instanceof VerificationOutcome.Verified verified) {
            send(Topics.IDENTITY_VERIFIED.name(), verified.enrollment().cloudAccountKey(), identityVerified(verified.enrollment()));
        } else if (outcome instanceof VerificationOutcome.Rejected rejected) {
            send(Topics.ENROLLMENT_FAILED.name(), rejected.enrollmentId(), enrollmentFailed(rejected));
        }
    }

    private IdentityVerified identityVerified(VerifiedEnrollment enrollment) {
        VerifiedIdentity identity = VerifiedIdentity.newBuilder()
                .setTenantId(enrollment.tenantId())
                .setProvider(provider(enrollment.provider()))
                .setCloudAccountId(enrollment.cloudAccountId())
                .setCloudAccountName(enrollment.cloudAccountName())
                .setInstanceId(enrollment.instanceId())
                .setInstanceName(enrollment.instanceName())
                .setLocation(enrollment.location())
                .setHostname(enrollment.hostname())
                .setOperatingSystem(OperatingSystem.valueOf(enrollment.operatingSystem().name()))
                .setOsVersion(enrollment.osVersion())
                .setPatchGroup(enrollment.patchGroup())
                .setAwsRegion(enrollment.awsRegion())
                .setInstanceCreatedAt(enrollment.instanceCreatedAt())
                .setLabels(enrollment.labels())
                .build();
        return IdentityVerified.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(clock.instant())
                .setEnrollmentId(enrollment.enrollmentId()).setIdentity(identity).build();
    }

    private EnrollmentFailed enrollmentFailed(VerificationOutcome.Rejected rejected) {
        return EnrollmentFailed.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(clock.instant())
                .setEnrollmentId(rejected.enrollmentId()).setStage(EnrollmentStage.VERIFICATION)
                .setReasonCode(rejected.reason().name()).setMessage(rejected.message()).setRetryable(false)
                .setTenantId(rejected.tenantId())
                .setProvider(rejected.provider() == null ? null : provider(rejected.provider()))
                .setCloudAccountId(rejected.cloudAccountId()).build();
    }

    private static Provider provider(CloudProvider provider) {
        return Provider.valueOf(provider.name());
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
