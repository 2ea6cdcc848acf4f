package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.identity.role.VerifierRole;
import io.crosspatch.identity.verification.application.RetryProperties;
import io.crosspatch.identity.verification.application.VerificationService;
import io.crosspatch.identity.verification.application.VerifierProperties;
import io.crosspatch.identity.verification.domain.RetryTicket;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Reads {@code enrollment.requested.retry}, the enrollments parked because a trust source they need was unavailable,
 * in a consumer group of its own, so waiting here never holds {@code enrollment.requested}. A record not yet due is
 * negatively acknowledged for the time left (at most {@link #LONGEST_PAUSE}; the container pauses the partition and
 * keeps polling, so the consumer stays in its group): the topic is a queue in order of parking, and a record waits
 * at most {@code max-delay} behind the one before it. A due record is verified again with its ticket and its outcome
 * published like any other — verified, rejected, parked once more with a longer delay, or given up as
 * {@code TRUST_SOURCE_UNAVAILABLE} after {@code give-up-after}; its offset is committed only after that.
 */
@Component
@VerifierRole
class ParkedEnrollmentListener {

    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final VerificationService verification;
    private final VerificationEvents events;
    private final Clock clock;

    public ParkedEnrollmentListener(VerificationService verification, VerificationEvents events, Clock clock) {
        this.verification = verification;
        this.events = events;
        this.clock = clock;
    }

    @KafkaListener(
            topics = "#{T(io.crosspatch.schemas.topics.Topics).ENROLLMENT_REQUESTED_RETRY.name()}",
            groupId = "${crosspatch.identity.verifier.group-id:" + VerifierProperties.DEFAULT_GROUP_ID + "}-retry",
            concurrency =
                    "${crosspatch.identity.verifier.retry.concurrency:" + RetryProperties.DEFAULT_CONCURRENCY + "}",
            containerFactory = VerifierListenerConfiguration.RETRY_CONTAINER_FACTORY)
    public void onParkedEnrollment(ConsumerRecord<String, EnrollmentRequested> record, Acknowledgment ack) {
        if (record.value() == null) {
            throw new NonRetryableEventException("enrollment.requested.retry record could not be deserialized");
        }
        RetryTicket ticket = RetryHeaders.ticket(record.headers());
        Duration wait = ticket.waitFrom(clock.instant());
        if (!wait.isZero()) {
            ack.nack(wait.compareTo(LONGEST_PAUSE) < 0 ? wait : LONGEST_PAUSE);
            return;
        }
        try (MDC.MDCCloseable id =
                MDC.putCloseable("enrollmentId", record.value().getEnrollmentId())) {
            events.publishAll(
                    List.of(verification.verify(EnrollmentRequests.toDomain(record.value()), ticket)),
                    List.of(record.value()));
        } finally {
            MDC.remove("cloudAccountKey");
        }
        ack.acknowledge();
    }
}
