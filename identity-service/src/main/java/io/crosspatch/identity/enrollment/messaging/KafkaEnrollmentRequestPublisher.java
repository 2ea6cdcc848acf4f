package io.crosspatch.identity.enrollment.messaging;

import io.crosspatch.events.AwsIdentity;
import io.crosspatch.events.AzureIdentity;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.GcpIdentity;
import io.crosspatch.events.HostFacts;
import io.crosspatch.events.Provider;
import io.crosspatch.events.VmwareIdentity;
import io.crosspatch.identity.enrollment.application.EnrollmentRequestPublisher;
import io.crosspatch.identity.enrollment.application.EnrollmentsUnavailableException;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.web.IngressProperties;
import io.crosspatch.schemas.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code enrollment.requested}, keyed by enrollment id, with the identity exactly as received and only the
 * hash of the secret, and waits (bounded) for the broker's acknowledgement: the VM is told 202 only for an
 * enrollment that cannot be lost.
 */
@Component
public class KafkaEnrollmentRequestPublisher implements EnrollmentRequestPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final IngressProperties properties;
    private final Clock clock;

    public KafkaEnrollmentRequestPublisher(KafkaTemplate<String, Object> kafka, IngressProperties properties,
            Clock clock) {
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void publish(String enrollmentId, EnrollmentRequest request, String sourceAddress, Instant receivedAt) {
        EnrollmentRequested event = EnrollmentRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setEnrollmentId(enrollmentId)
                .setProvider(Provider.valueOf(request.provider().name()))
                .setIdentity(identity(request))
                .setHost(HostFacts.newBuilder().setHostname(request.host().hostname())
                        .setOsFamily(request.host().osFamily()).setOsVersion(request.host().osVersion()).build())
                .setLabels(request.labels())
                .setSourceAddress(sourceAddress)
                .setReceivedAt(receivedAt)
                .setEnrollmentSecretHash(request.secretHash().value())
                .build();
        try {
            kafka.send(Topics.ENROLLMENT_REQUESTED.name(), enrollmentId, event)
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnrollmentsUnavailableException("interrupted while publishing an enrollment", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new EnrollmentsUnavailableException("the broker did not acknowledge the enrollment", e);
        }
    }

    private static Object identity(EnrollmentRequest request) {
        IdentityMaterial identity = request.identity();
        return switch (request.provider()) {
            case GCP -> GcpIdentity.newBuilder().setToken(identity.token()).build();
            case VMWARE -> VmwareIdentity.newBuilder().setToken(identity.token()).build();
            case AZURE -> AzureIdentity.newBuilder().setAttestedDocument(identity.attestedDocument())
                    .setNonce(identity.nonce()).build();
            case AWS -> AwsIdentity.newBuilder().setPkcs7(identity.pkcs7()).setDocument(identity.document()).build();
        };
    }
}
