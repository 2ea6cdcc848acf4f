package io.crosspatch.identity.enrollment.messaging;

import io.crosspatch.events.AwsIdentity;
import io.crosspatch.events.AzureIdentity;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.GcpIdentity;
import io.crosspatch.events.HostFacts;
import io.crosspatch.events.VmwareIdentity;
import io.crosspatch.identity.enrollment.application.EnrollmentRequestPublisher;
import io.crosspatch.identity.enrollment.application.EnrollmentsUnavailableException;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes {@code enrollment.requested}, keyed by enrollment id, with the identity exactly as received and only the
 * hash of the secret, and waits (bounded) for the broker's acknowledgement: the VM is told 202 only for an
 * enrollment that cannot be lost. Built with the ingress's publish timeout by
 * {@code io.crosspatch.identity.IngressSettingsConfiguration}.
 */
public class KafkaEnrollmentRequestPublisher implements EnrollmentRequestPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final Duration publishTimeout;
    private final Clock clock;

    public KafkaEnrollmentRequestPublisher(KafkaTemplate<String, Object> kafka, Duration publishTimeout, Clock clock) {
        this.kafka = kafka;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    @Override
    public void publish(
            String enrollmentId,
            EnrollmentRequest request,
            SecretHash secretHash,
            String sourceAddress,
            Instant receivedAt) {
        EnrollmentRequested event = EnrollmentRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setEnrollmentId(enrollmentId)
                .setProvider(Providers.toAvro(request.provider()))
                .setIdentity(identity(request))
                .setHost(HostFacts.newBuilder()
                        .setHostname(request.host().hostname())
                        .setOsFamily(request.host().osFamily())
                        .setOsVersion(request.host().osVersion())
                        .build())
                .setLabels(request.labels())
                .setSourceAddress(sourceAddress)
                .setReceivedAt(receivedAt)
                .setEnrollmentSecretHash(secretHash.value())
                .build();
        try {
            kafka.send(Topics.ENROLLMENT_REQUESTED.name(), enrollmentId, event)
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnrollmentsUnavailableException("interrupted while publishing an enrollment", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new EnrollmentsUnavailableException("the broker did not acknowledge the enrollment", e);
        }
    }

    private static Object identity(EnrollmentRequest request) {
        IdentityMaterial identity = request.identity();
        if (identity instanceof IdentityMaterial.GcpToken gcp) {
            return GcpIdentity.newBuilder().setToken(gcp.token()).build();
        }
        if (identity instanceof IdentityMaterial.VmwareToken vmware) {
            return VmwareIdentity.newBuilder().setToken(vmware.token()).build();
        }
        if (identity instanceof IdentityMaterial.AzureDocument azure) {
            return AzureIdentity.newBuilder()
                    .setAttestedDocument(azure.attestedDocument())
                    .setNonce(azure.nonce())
                    .build();
        }
        IdentityMaterial.AwsDocument aws = (IdentityMaterial.AwsDocument) identity;
        return AwsIdentity.newBuilder()
                .setPkcs7(aws.pkcs7())
                .setDocument(aws.document())
                .build();
    }
}
