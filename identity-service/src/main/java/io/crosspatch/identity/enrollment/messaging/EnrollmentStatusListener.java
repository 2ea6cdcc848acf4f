package io.crosspatch.identity.enrollment.messaging;

import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.IssuedActivation;
import io.crosspatch.identity.enrollment.application.EnrollmentProgressRecorder;
import io.crosspatch.identity.enrollment.application.StatusViewProperties;
import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.role.IngressRole;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import org.slf4j.MDC;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the enrollment status view from the events of every stage, in the service's own consumer group. Thin: each
 * method unwraps its event and records one fact. Runs with the ingress (it serves the status).
 */
@Component
@EnableConfigurationProperties(StatusViewProperties.class)
@IngressRole
class EnrollmentStatusListener {

    /** Consumer threads per topic: every write is an upsert stamped with its event's time, so any order is right. */
    private static final String CONCURRENCY =
            "${crosspatch.identity.status.concurrency:" + StatusViewProperties.DEFAULT_CONCURRENCY + "}";

    private final EnrollmentProgressRecorder recorder;

    public EnrollmentStatusListener(EnrollmentProgressRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(
            topics = "#{T(io.crosspatch.schemas.topics.Topics).IDENTITY_VERIFIED.name()}",
            concurrency = CONCURRENCY)
    public void onIdentityVerified(IdentityVerified event) {
        CloudAccountKey accountKey = Providers.accountKey(
                event.getIdentity().getProvider(), event.getIdentity().getCloudAccountId());
        try (MDC.MDCCloseable id = MDC.putCloseable("enrollmentId", event.getEnrollmentId());
                MDC.MDCCloseable account = MDC.putCloseable("cloudAccountKey", accountKey.toString())) {
            recorder.verified(
                    event.getEnrollmentId(), event.getIdentity().getTenantId(), accountKey, event.getOccurredAt());
        }
    }

    @KafkaListener(topics = "#{T(io.crosspatch.schemas.topics.Topics).ACCOUNT_READY.name()}", concurrency = CONCURRENCY)
    public void onAccountReady(AccountReady event) {
        try (MDC.MDCCloseable id = MDC.putCloseable("enrollmentId", event.getEnrollmentId())) {
            recorder.accountReady(event.getEnrollmentId(), event.getOccurredAt());
        }
    }

    @KafkaListener(
            topics = "#{T(io.crosspatch.schemas.topics.Topics).INSTANCE_ACTIVATED.name()}",
            concurrency = CONCURRENCY)
    public void onInstanceActivated(InstanceActivated event) {
        try (MDC.MDCCloseable id = MDC.putCloseable("enrollmentId", event.getEnrollmentId())) {
            if (event.getStage() == ActivationStage.ACTIVATION_ISSUED && event.getActivation() != null) {
                IssuedActivation activation = event.getActivation();
                recorder.activationIssued(
                        event.getEnrollmentId(),
                        new ActivationGrant(
                                activation.getActivationId(),
                                activation.getRegion(),
                                activation.getEncryptedActivationCode(),
                                activation.getEncryptionKeyId()),
                        event.getOccurredAt());
            } else if (event.getStage() == ActivationStage.REGISTERED && event.getRegistration() != null) {
                recorder.registered(
                        event.getEnrollmentId(), event.getRegistration().getManagedInstanceId(), event.getOccurredAt());
            } else {
                throw new NonRetryableEventException("instance.activated at stage " + event.getStage() + " without its "
                        + (event.getStage() == ActivationStage.REGISTERED ? "registration" : "activation"));
            }
        }
    }

    @KafkaListener(
            topics = "#{T(io.crosspatch.schemas.topics.Topics).ENROLLMENT_FAILED.name()}",
            concurrency = CONCURRENCY)
    public void onEnrollmentFailed(EnrollmentFailed event) {
        try (MDC.MDCCloseable id = MDC.putCloseable("enrollmentId", event.getEnrollmentId())) {
            recorder.failed(
                    event.getEnrollmentId(),
                    event.getStage() == EnrollmentStage.VERIFICATION,
                    event.getReasonCode(),
                    event.getOccurredAt());
        }
    }
}
