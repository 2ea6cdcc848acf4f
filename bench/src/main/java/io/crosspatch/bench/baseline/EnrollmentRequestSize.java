package io.crosspatch.bench.baseline;

import io.crosspatch.events.AwsIdentity;
import io.crosspatch.events.AzureIdentity;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.GcpIdentity;
import io.crosspatch.events.HostFacts;
import io.crosspatch.events.Provider;
import io.crosspatch.events.VmwareIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The size of an {@code enrollment.requested} value on the wire, estimated by encoding one request per provider with
 * identity material of the real clouds' typical size, as the Confluent wire format carries it (5 header bytes, then
 * Avro binary). The Kafka baseline sends values of this size so that its bytes per record match the pipeline's; the
 * storm reports the size it actually saw on the topic next to it.
 */
public final class EnrollmentRequestSize {

    /** Magic byte and the 4-byte schema id in front of every value. */
    private static final int WIRE_HEADER_BYTES = 5;
    /** A GCP identity token (format=full: RS256 JWT with the google.compute_engine claims). */
    private static final int GCP_TOKEN_CHARS = 1_000;
    /** Azure's attested document: base64 PKCS#7 with the signing certificate and its chain. */
    private static final int AZURE_PKCS7_CHARS = 4_400;
    /** EC2's rsa2048 PKCS#7 (base64) and the plain identity document. */
    private static final int AWS_PKCS7_CHARS = 1_500;

    private static final int AWS_DOCUMENT_CHARS = 480;
    /** A VMware issuer's JWT in guestinfo. */
    private static final int VMWARE_TOKEN_CHARS = 850;

    private EnrollmentRequestSize() {}

    /** The mean encoded size over the four providers (a storm enrolls on all four alike), in bytes. */
    public static int estimateBytes() {
        List<Object> identities = List.of(
                new GcpIdentity(text(GCP_TOKEN_CHARS)),
                new AzureIdentity(text(AZURE_PKCS7_CHARS), UUID.randomUUID().toString()),
                new AwsIdentity(text(AWS_PKCS7_CHARS), text(AWS_DOCUMENT_CHARS)),
                new VmwareIdentity(text(VMWARE_TOKEN_CHARS)));
        List<Provider> providers = List.of(Provider.GCP, Provider.AZURE, Provider.AWS, Provider.VMWARE);
        long total = 0;
        for (int i = 0; i < identities.size(); i++) {
            total += encodedBytes(request(providers.get(i), identities.get(i)));
        }
        return (int) (total / identities.size());
    }

    private static EnrollmentRequested request(Provider provider, Object identity) {
        return EnrollmentRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(UUID.randomUUID().toString())
                .setProvider(provider)
                .setIdentity(identity)
                .setHost(new HostFacts("storm-vm-000123", "ubuntu", "22.04"))
                .setLabels(Map.of("crosspatch-patching", "true", "crosspatch-patchgroup", "on-time"))
                .setSourceAddress("127.0.0.1")
                .setReceivedAt(Instant.now())
                .setEnrollmentSecretHash(text(43))
                .build();
    }

    static int encodedBytes(EnrollmentRequested request) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(EnrollmentRequested.class).write(request, encoder);
            encoder.flush();
            return WIRE_HEADER_BYTES + out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(int length) {
        return "x".repeat(length);
    }
}
