package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.AwsIdentity;
import io.crosspatch.events.AzureIdentity;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.GcpIdentity;
import io.crosspatch.events.HostFacts;
import io.crosspatch.events.VmwareIdentity;
import io.crosspatch.identity.verification.application.VerificationService;
import io.crosspatch.identity.verification.domain.CloudProvider;
import io.crosspatch.identity.verification.domain.EnrollmentRequest;
import io.crosspatch.identity.verification.domain.IdentityMaterial;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code enrollment.requested} in the verifier's own consumer group, maps the record and hands it to
 * {@link VerificationService}, then publishes the verdict. Thin on purpose; a record that breaks the contract
 * (an identity of no known shape) is not retried. Failures of Cassandra, a JWKS endpoint or the broker propagate,
 * so the error handler retries the record rather than a VM being rejected for them.
 */
@Component
@ConditionalOnProperty(name = "crosspatch.identity.verifier.enabled", havingValue = "true", matchIfMissing = true)
public class EnrollmentRequestedListener {

    private final VerificationService verification;
    private final VerificationEvents events;

    public EnrollmentRequestedListener(VerificationService verification, VerificationEvents events) {
        this.verification = verification;
        this.events = events;
    }

    @KafkaListener(topics = "#{T(io.crosspatch.schemas.topics.Topics).ENROLLMENT_REQUESTED.name()}",
            groupId = "${crosspatch.identity.verifier.group-id:identity-verifier}")
    public void onEnrollmentRequested(ConsumerRecord<String, EnrollmentRequested> record) {
        EnrollmentRequested event = record.value();
        try (MDC.MDCCloseable id = MDC.putCloseable("enrollmentId", event.getEnrollmentId())) {
            events.publish(verification.verify(request(event)));
        } finally {
            MDC.remove("cloudAccountKey");
        }
    }

    static EnrollmentRequest request(EnrollmentRequested event) {
        HostFacts host = event.getHost();
        Map<String, String> labels = new HashMap<>(event.getLabels());
        return new EnrollmentRequest(event.getEnrollmentId(), CloudProvider.valueOf(event.getProvider().name()),
                identity(event.getIdentity()), host.getHostname(), host.getOsFamily(), host.getOsVersion(), labels);
    }

    private static IdentityMaterial identity(Object identity) {
        if (identity instanceof GcpIdentity gcp) {
            return new IdentityMaterial.GcpToken(gcp.getToken());
        }
        if (identity instanceof AzureIdentity azure) {
            return new IdentityMaterial.AzureDocument(azure.getAttestedDocument(), azure.getNonce());
        }
        if (identity instanceof AwsIdentity aws) {
            return new IdentityMaterial.AwsDocument(aws.getPkcs7(), aws.getDocument());
        }
        if (identity instanceof VmwareIdentity vmware) {
            return new IdentityMaterial.VmwareToken(vmware.getToken());
        }
        throw new NonRetryableEventException("enrollment.requested carries an identity of unknown shape "
                + (identity == null ? "null" : identity.getClass().getSimpleName()));
    }
}
