package io.crosspatch.identity.enrollment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.identity.enrollment.domain.EnrollmentKey;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;
import io.crosspatch.identity.enrollment.domain.Submission;
import io.crosspatch.identity.support.memory.InMemoryEnrollments;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ingress's acceptance of a well-formed enrollment, in memory: which requests are published, which are answered
 * from what is recorded, and which are refused, without Cassandra or Kafka.
 */
class EnrollmentIntakeTest {

    private static final String SECRET = "A".repeat(43);
    private static final String SOURCE = "203.0.113.7";
    private static final String INSTANCE = "acme-prod|1234";

    private final InMemoryEnrollments enrollments = new InMemoryEnrollments();
    private final List<String> published = new ArrayList<>();
    private SignerScreen.Answer screen = SignerScreen.Answer.DONT_KNOW;
    private final EnrollmentIntake intake = new EnrollmentIntake(
            enrollments,
            request -> INSTANCE,
            (enrollmentId, request, secretHash, sourceAddress, receivedAt) -> published.add(enrollmentId),
            request -> screen,
            Clock.systemUTC());

    @Test
    void recordsAndPublishesANewEnrollmentAsPending() {
        Acceptance acceptance = intake.accept(request("web-1"), SOURCE);

        assertThat(acceptance.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(acceptance.published()).isTrue();
        assertThat(published).containsExactly(acceptance.enrollmentId());
        assertThat(enrollments.find(acceptance.enrollmentId()))
                .hasValueSatisfying(progress ->
                        assertThat(progress.secretHash().matches(SECRET)).isTrue());
    }

    @Test
    void publishesARetryOfAPendingEnrollmentAgainUnderTheSameId() {
        Acceptance first = intake.accept(request("web-1"), SOURCE);

        Acceptance retry = intake.accept(request("web-1"), SOURCE);

        assertThat(retry.enrollmentId()).isEqualTo(first.enrollmentId());
        assertThat(retry.published()).isTrue();
        assertThat(published).containsExactly(first.enrollmentId(), first.enrollmentId());
    }

    @Test
    void answersARetryOfAnEnrollmentThatGotFurtherWithItsStatusAndPublishesNothing() {
        Acceptance first = intake.accept(request("web-1"), SOURCE);
        enrollments.verified(
                first.enrollmentId(), "acme", new CloudAccountKey(CloudProvider.GCP, "acme-prod"), Instant.now());

        Acceptance retry = intake.accept(request("web-1"), SOURCE);

        assertThat(retry.status()).isEqualTo(EnrollmentStatus.VERIFIED);
        assertThat(retry.published()).isFalse();
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesARequestUnderATakenIdThatCarriesOtherMaterial() {
        intake.accept(request("web-1"), SOURCE);

        assertThatThrownBy(() -> intake.accept(request("web-2"), SOURCE))
                .isInstanceOf(EnrollmentConflictException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesAnIdentityWhoseKeyIdItsIssuerCertainlyDoesNotPublishBeforeRecordingAnything() {
        screen = SignerScreen.Answer.UNKNOWN_KEY_ID;

        assertThatThrownBy(() -> intake.accept(request("web-1"), SOURCE))
                .isInstanceOfSatisfying(
                        InvalidEnrollmentException.class,
                        e -> assertThat(e.code()).isEqualTo("UNTRUSTED_SIGNER"));
        assertThat(published).isEmpty();
        assertThat(enrollments.find(EnrollmentKey.of(request("web-1"), INSTANCE).enrollmentId()))
                .isEmpty();
    }

    private static Submission request(String hostname) {
        return new Submission(
                new EnrollmentRequest(
                        CloudProvider.GCP,
                        new IdentityMaterial.GcpToken("header.claims.signature"),
                        new HostFacts(hostname, "ubuntu", "22.04"),
                        Map.of("crosspatch-patching", "true")),
                SECRET);
    }
}
