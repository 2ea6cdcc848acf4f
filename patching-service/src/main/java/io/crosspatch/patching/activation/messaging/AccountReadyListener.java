package io.crosspatch.patching.activation.messaging;

import io.crosspatch.events.AccountReady;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.patching.activation.application.EnrollmentIntake;
import io.crosspatch.patching.activation.application.EnrollmentsNotAcceptedException;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code account.ready} in batches (one poll's records), so that a storm of enrollments for one account is
 * worked in parallel rather than one blocking AWS call per record. Thin: it maps the records and hands the batch
 * to {@link EnrollmentIntake}. A record that could not be deserialized, or enrollments that must be retried, are
 * reported to the error handler by index; everything before that index has been handled, and what follows is
 * redelivered (and recognised as handled where it was).
 */
@Component
class AccountReadyListener {

    private final EnrollmentIntake intake;

    public AccountReadyListener(EnrollmentIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(
            topics = "#{T(io.crosspatch.schemas.topics.Topics).ACCOUNT_READY.name()}",
            batch = "true",
            containerPostProcessor = AccountOwnershipTracking.BEAN)
    public void onAccountReady(List<ConsumerRecord<String, AccountReady>> records) {
        int unreadable = -1;
        for (int i = 0; i < records.size() && unreadable < 0; i++) {
            if (records.get(i).value() == null) {
                unreadable = i;
            }
        }
        List<ConsumerRecord<String, AccountReady>> readable = unreadable < 0 ? records : records.subList(0, unreadable);
        List<Enrollment> enrollments = new ArrayList<>(readable.size());
        readable.forEach(record -> enrollments.add(enrollment(record.value())));
        try {
            intake.accept(enrollments);
        } catch (EnrollmentsNotAcceptedException e) {
            for (int i = 0; i < enrollments.size(); i++) {
                if (e.enrollmentIds().contains(enrollments.get(i).enrollmentId())) {
                    throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
                }
            }
            throw e;
        }
        if (unreadable >= 0) {
            throw new BatchListenerFailedException(
                    "unreadable account.ready record",
                    new NonRetryableEventException("account.ready record could not be deserialized"),
                    unreadable);
        }
    }

    static Enrollment enrollment(AccountReady event) {
        VerifiedIdentity identity = event.getIdentity();
        SystemAccount system = event.getSystemAccount();
        return new Enrollment(
                event.getEnrollmentId(),
                identity.getTenantId(),
                Providers.fromAvro(identity.getProvider()),
                identity.getCloudAccountId(),
                identity.getCloudAccountName(),
                identity.getInstanceId(),
                identity.getHostname(),
                identity.getOperatingSystem().name(),
                identity.getPatchGroup(),
                new SystemAccountRef(
                        system.getAccountId(),
                        system.getRegion(),
                        system.getRoleArn(),
                        system.getSsmServiceRoleName()));
    }
}
