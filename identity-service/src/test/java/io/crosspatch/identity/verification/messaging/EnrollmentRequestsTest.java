package io.crosspatch.identity.verification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.identity.enrollment.messaging.KafkaEnrollmentRequestPublisher;
import io.crosspatch.identity.verification.domain.RequestedEnrollment;
import io.crosspatch.kernel.CloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The ingress and the verifier share one {@link EnrollmentRequest}: what the ingress publishes on
 * {@code enrollment.requested} must come back, field for field, as the request the verifier works on.
 */
class EnrollmentRequestsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Stream<EnrollmentRequest> requests() {
        return Stream.of(
                new EnrollmentRequest(
                        CloudProvider.GCP,
                        new IdentityMaterial.GcpToken("header.claims.signature"),
                        new HostFacts("web-1", "ubuntu", "22.04"),
                        Map.of("crosspatch-patching", "true")),
                new EnrollmentRequest(
                        CloudProvider.AZURE,
                        new IdentityMaterial.AzureDocument("TUlJQ0==", "nonce-1"),
                        new HostFacts("db-1", "windows", null),
                        Map.of()),
                new EnrollmentRequest(
                        CloudProvider.AWS,
                        new IdentityMaterial.AwsDocument("TUlJQ0==", "{\"instanceId\":\"i-1\"}"),
                        new HostFacts("ip-10-0-0-1", "amzn", "2"),
                        Map.of("team", "web")),
                new EnrollmentRequest(
                        CloudProvider.VMWARE,
                        new IdentityMaterial.VmwareToken("header.claims.signature"),
                        new HostFacts("vm-1", "rhel", "9.3"),
                        Map.of("crosspatch-patchgroup", "early")));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void readsBackTheRequestTheIngressPublished(EnrollmentRequest published) {
        EnrollmentRequested event = publishedEvent("enr-0123", published);

        RequestedEnrollment read = EnrollmentRequests.toDomain(event);

        assertThat(read.enrollmentId()).isEqualTo("enr-0123");
        assertThat(read.request()).isEqualTo(published);
    }

    @SuppressWarnings("unchecked")
    private static EnrollmentRequested publishedEvent(String enrollmentId, EnrollmentRequest request) {
        KafkaTemplate<String, Object> kafka = mock(KafkaTemplate.class);
        when(kafka.send(anyString(), anyString(), any())).thenReturn(CompletableFuture.completedFuture(null));
        new KafkaEnrollmentRequestPublisher(kafka, Duration.ofSeconds(1), Clock.systemUTC())
                .publish(enrollmentId, request, SecretHash.of("A".repeat(43)), "203.0.113.7", NOW);
        ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
        verify(kafka).send(anyString(), anyString(), event.capture());
        return (EnrollmentRequested) event.getValue();
    }
}
