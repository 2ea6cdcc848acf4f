package io.crosspatch.account.vending.messaging;

import io.crosspatch.account.vending.application.OutcomePublisher;
import io.crosspatch.account.vending.application.WaitingEnrollment;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code account.ready} (key: cloud account) and {@code enrollment.failed} (key: enrollment id) and
 * waits for the broker's acknowledgement. Event ids are derived from the enrollment, so an event published
 * again after a crash carries the same id and consumers can drop it.
 */
@Component
class KafkaOutcomePublisher implements OutcomePublisher {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    public KafkaOutcomePublisher(KafkaTemplate<String, Object> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void accountReady(WaitingEnrollment enrollment, SystemAccount account) {
        VerifiedIdentity identity = IdentityCodec.decode(enrollment.identity());
        AccountReady event = AccountReady.newBuilder()
                .setEventId(eventId("account.ready", enrollment.enrollmentId()))
                .setOccurredAt(clock.instant())
                .setEnrollmentId(enrollment.enrollmentId())
                .setIdentity(identity)
                .setSystemAccount(io.crosspatch.events.SystemAccount.newBuilder()
                        .setAccountId(account.accountId())
                        .setRoleArn(account.roleArn())
                        .setRegion(identity.getAwsRegion())
                        .setSsmServiceRoleName(account.ssmServiceRoleName())
                        .setNewlyCreated(enrollment.enrollmentId().equals(account.creatorEnrollmentId()))
                        .build())
                .build();
        send(Topics.ACCOUNT_READY.name(), enrollment.key().toString(), event);
    }

    @Override
    public void enrollmentFailed(WaitingEnrollment enrollment, SystemAccount account) {
        VerifiedIdentity identity = IdentityCodec.decode(enrollment.identity());
        EnrollmentFailed event = EnrollmentFailed.newBuilder()
                .setEventId(eventId("enrollment.failed", enrollment.enrollmentId()))
                .setOccurredAt(clock.instant())
                .setEnrollmentId(enrollment.enrollmentId())
                .setStage(EnrollmentStage.ACCOUNT)
                .setReasonCode(account.failureReason())
                .setMessage("no system account for " + enrollment.key() + ": " + account.failureMessage())
                .setRetryable(false)
                .setTenantId(identity.getTenantId())
                .setProvider(identity.getProvider())
                .setCloudAccountId(identity.getCloudAccountId())
                .build();
        send(Topics.ENROLLMENT_FAILED.name(), enrollment.enrollmentId(), event);
    }

    private void send(String topic, String key, Object event) {
        try {
            kafka.send(topic, key, event).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static UUID eventId(String topic, String enrollmentId) {
        return UUID.nameUUIDFromBytes((topic + ":" + enrollmentId).getBytes(StandardCharsets.UTF_8));
    }
}
