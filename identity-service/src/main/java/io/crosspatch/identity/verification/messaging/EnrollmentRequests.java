package io.crosspatch.identity.verification.messaging;

import io.crosspatch.events.AwsIdentity;
import io.crosspatch.events.AzureIdentity;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.GcpIdentity;
import io.crosspatch.events.VmwareIdentity;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.verification.domain.RequestedEnrollment;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.servicekit.architecture.UsedByComponentBenchmarks;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps {@code enrollment.requested} (Avro) to the verifier's {@link RequestedEnrollment}: the id, and the request in
 * the shape the ingress checked it in (the identity union to its material, the host to its facts). Public for
 * {@code VerificationBenchmark} (bench/components/identity), which feeds the verifier records as the listener would.
 */
@UsedByComponentBenchmarks
public final class EnrollmentRequests {

    private EnrollmentRequests() {}

    /** The verifier's view of the record; throws {@link NonRetryableEventException} for an identity of unknown shape. */
    public static RequestedEnrollment toDomain(EnrollmentRequested event) {
        io.crosspatch.events.HostFacts host = event.getHost();
        Map<String, String> labels = new HashMap<>(event.getLabels());
        return new RequestedEnrollment(
                event.getEnrollmentId(),
                new EnrollmentRequest(
                        Providers.fromAvro(event.getProvider()),
                        identity(event.getIdentity()),
                        new HostFacts(host.getHostname(), host.getOsFamily(), host.getOsVersion()),
                        labels));
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
