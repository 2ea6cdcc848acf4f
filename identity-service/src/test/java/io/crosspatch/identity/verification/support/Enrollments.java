package io.crosspatch.identity.verification.support;

import io.crosspatch.events.AwsIdentity;
import io.crosspatch.events.AzureIdentity;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.GcpIdentity;
import io.crosspatch.events.HostFacts;
import io.crosspatch.events.Provider;
import io.crosspatch.events.VmwareIdentity;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code enrollment.requested} records as the ingress writes them, around a signed identity. */
public final class Enrollments {

    private Enrollments() {}

    public static String anyEnrollmentId() {
        return "enr-" + UUID.randomUUID();
    }

    public static EnrollmentRequested requested(
            String enrollmentId, IdentityMaterial identity, Map<String, String> labels) {
        return requested(enrollmentId, Provider.valueOf(identity.provider().name()), identity, labels, "ubuntu");
    }

    public static EnrollmentRequested requested(String enrollmentId, IdentityMaterial identity) {
        return requested(enrollmentId, identity, Map.of("crosspatch-patching", "true"));
    }

    public static EnrollmentRequested requested(
            String enrollmentId,
            Provider provider,
            IdentityMaterial identity,
            Map<String, String> labels,
            String osFamily) {
        return EnrollmentRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(enrollmentId)
                .setProvider(provider)
                .setIdentity(avro(identity))
                .setHost(HostFacts.newBuilder()
                        .setHostname("host-" + enrollmentId.substring(4, 12))
                        .setOsFamily(osFamily)
                        .setOsVersion("22.04")
                        .build())
                .setLabels(labels)
                .setSourceAddress("10.0.0.7")
                .setReceivedAt(Instant.now())
                .setEnrollmentSecretHash("c2VjcmV0LWhhc2gtb2YtYS10ZXN0LXNlY3JldC0wMDAwMDA")
                .build();
    }

    private static Object avro(IdentityMaterial identity) {
        if (identity instanceof IdentityMaterial.GcpToken gcp) {
            return GcpIdentity.newBuilder().setToken(gcp.token()).build();
        }
        if (identity instanceof IdentityMaterial.AzureDocument azure) {
            return AzureIdentity.newBuilder()
                    .setAttestedDocument(azure.attestedDocument())
                    .setNonce(azure.nonce())
                    .build();
        }
        if (identity instanceof IdentityMaterial.AwsDocument aws) {
            return AwsIdentity.newBuilder()
                    .setPkcs7(aws.pkcs7())
                    .setDocument(aws.document())
                    .build();
        }
        return VmwareIdentity.newBuilder()
                .setToken(((IdentityMaterial.VmwareToken) identity).token())
                .build();
    }
}
