package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.identity.role.VerifierRole;
import io.crosspatch.identity.verification.domain.VerificationOutcome;
import io.crosspatch.identity.verification.domain.VerifiedEnrollment;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the verifier's verdicts: {@code identity.verified} keyed by cloud account, {@code enrollment.failed}
 * (stage VERIFICATION, retryable only for {@code TRUST_SOURCE_UNAVAILABLE}) keyed by enrollment id, and parks
 * deferred enrollments: their {@code enrollment.requested} record, unchanged, on {@code enrollment.requested.retry}
 * with its {@link RetryHeaders ticket}. A batch's sends are made together and awaited together, so the listener
 * returns — and its offsets are committed — only once they are safely on Kafka.
 */
@Component
@VerifierRole
class VerificationEvents {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    public VerificationEvents(KafkaTemplate<String, Object> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /**
     * Sends every verdict and parks every deferred enrollment, then waits until the broker acknowledged them all.
     *
     * @param outcomes the outcomes of {@code requests}, in their order (a prefix of them if the batch failed part-way)
     * @param requests the records as read, which a deferred enrollment is parked with
     */
    public void publishAll(List<VerificationOutcome> outcomes, List<EnrollmentRequested> requests) {
        List<CompletableFuture<?>> sends = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            VerificationOutcome outcome = outcomes.get(i);
            if (outcome instanceof VerificationOutcome.Deferred deferred) {
                sends.add(kafka.send(new ProducerRecord<>(
                        Topics.ENROLLMENT_REQUESTED_RETRY.name(),
                        null,
                        deferred.enrollmentId(),
                        requests.get(i),
                        RetryHeaders.of(deferred.ticket()))));
            } else if (outcome instanceof VerificationOutcome.Verified verified) {
                sends.add(kafka.send(
                        Topics.IDENTITY_VERIFIED.name(),
                        verified.enrollment().cloudAccountKey().toString(),
                        identityVerified(verified.enrollment())));
            } else if (outcome instanceof VerificationOutcome.Rejected rejected) {
                sends.add(kafka.send(
                        Topics.ENROLLMENT_FAILED.name(), rejected.enrollmentId(), enrollmentFailed(rejected)));
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing verdicts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish verdicts", e);
        }
    }

    private IdentityVerified identityVerified(VerifiedEnrollment enrollment) {
        VerifiedIdentity identity = VerifiedIdentity.newBuilder()
                .setTenantId(enrollment.tenantId())
                .setProvider(Providers.toAvro(enrollment.provider()))
                .setCloudAccountId(enrollment.cloudAccountId())
                .setCloudAccountName(enrollment.cloudAccountName())
                .setInstanceId(enrollment.instanceId())
                .setInstanceName(enrollment.instanceName())
                .setLocation(enrollment.location())
                .setHostname(enrollment.hostname())
                .setOperatingSystem(
                        OperatingSystem.valueOf(enrollment.operatingSystem().name()))
                .setOsVersion(enrollment.osVersion())
                .setPatchGroup(enrollment.patchGroup())
                .setAwsRegion(enrollment.awsRegion())
                .setInstanceCreatedAt(enrollment.instanceCreatedAt())
                .setLabels(enrollment.labels())
                .build();
        return IdentityVerified.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setEnrollmentId(enrollment.enrollmentId())
                .setIdentity(identity)
                .build();
    }

    private EnrollmentFailed enrollmentFailed(VerificationOutcome.Rejected rejected) {
        return EnrollmentFailed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setEnrollmentId(rejected.enrollmentId())
                .setStage(EnrollmentStage.VERIFICATION)
                .setReasonCode(rejected.reason().name())
                .setMessage(rejected.message())
                .setRetryable(rejected.reason().retryable())
                .setTenantId(rejected.tenantId())
                .setProvider(rejected.provider() == null ? null : Providers.toAvro(rejected.provider()))
                .setCloudAccountId(rejected.cloudAccountId())
                .build();
    }
}
