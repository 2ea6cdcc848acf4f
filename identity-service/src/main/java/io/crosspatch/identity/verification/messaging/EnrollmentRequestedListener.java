package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.identity.role.VerifierRole;
import io.crosspatch.identity.verification.application.BatchVerification;
import io.crosspatch.identity.verification.application.VerifierProperties;
import io.crosspatch.identity.verification.domain.RequestedEnrollment;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code enrollment.requested} in the verifier's own consumer group, a poll at a time, hands the batch to
 * {@link BatchVerification} and publishes the verdicts; it returns (and the offsets are committed) only once the
 * broker acknowledged them all. Thin on purpose. A record that cannot be read or breaks the contract (see
 * {@link EnrollmentRequests}) is reported by index and dead-lettered without retries; an enrollment whose trust
 * source (an issuer's JWKS) is unavailable is parked on {@code enrollment.requested.retry} and the batch goes on
 * (see {@link ParkedEnrollmentListener}); a verification that failed (Cassandra) is reported by index and retried by
 * the error handler until Cassandra is back, not turned into a rejection.
 * Records after a failed one may already be verified and published; their redelivery verifies them again, which is
 * idempotent (the same verdict, published again).
 */
@Component
@VerifierRole
class EnrollmentRequestedListener {

    private final BatchVerification verification;
    private final VerificationEvents events;

    public EnrollmentRequestedListener(BatchVerification verification, VerificationEvents events) {
        this.verification = verification;
        this.events = events;
    }

    @KafkaListener(
            topics = "#{T(io.crosspatch.schemas.topics.Topics).ENROLLMENT_REQUESTED.name()}",
            groupId = "${crosspatch.identity.verifier.group-id:" + VerifierProperties.DEFAULT_GROUP_ID + "}",
            concurrency = "${crosspatch.identity.verifier.concurrency:" + VerifierProperties.DEFAULT_CONCURRENCY + "}",
            batch = "true",
            containerFactory = VerifierListenerConfiguration.CONTAINER_FACTORY)
    public void onEnrollmentRequested(List<ConsumerRecord<String, EnrollmentRequested>> records) {
        List<RequestedEnrollment> requests = new ArrayList<>(records.size());
        List<EnrollmentRequested> read = new ArrayList<>(records.size());
        int unreadable = -1;
        RuntimeException contractViolation = null;
        for (int i = 0; i < records.size() && unreadable < 0; i++) {
            try {
                if (records.get(i).value() == null) {
                    throw new NonRetryableEventException("enrollment.requested record could not be deserialized");
                }
                requests.add(EnrollmentRequests.toDomain(records.get(i).value()));
                read.add(records.get(i).value());
            } catch (NonRetryableEventException e) {
                unreadable = i;
                contractViolation = e;
            }
        }
        try {
            events.publishAll(verification.verifyAll(requests), read);
        } catch (BatchVerification.PartialFailure e) {
            events.publishAll(e.completed(), read);
            throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e.getCause(), e.failedIndex());
        }
        if (unreadable >= 0) {
            throw new BatchListenerFailedException(
                    "unreadable enrollment.requested record", contractViolation, unreadable);
        }
    }
}
