package io.crosspatch.account.vending.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.account.vending.domain.AccountNaming;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.servicekit.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a verified enrollment is taken in, against in-memory adapters: no broker, no Cassandra, milliseconds. */
class EnrollmentIntakeTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final CloudAccountKey ACME_PROD = new CloudAccountKey(CloudProvider.GCP, "acme-prod");

    private final MutableClock clock = new MutableClock(START);
    private final InMemorySystemAccounts accounts = new InMemorySystemAccounts();
    private final InMemoryWaitingEnrollments enrollments = new InMemoryWaitingEnrollments();
    private final RecordingOutcomePublisher publisher = new RecordingOutcomePublisher();
    private final VendingProperties properties = new VendingProperties(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    private final EnrollmentIntake intake = new EnrollmentIntake(
            accounts,
            enrollments,
            new OutcomeDelivery(enrollments, publisher, properties, clock),
            new AccountNaming(properties.emailTemplate(), properties.nameTemplate()),
            new InMemorySystemAccountHistory(),
            clock);

    @Test
    void shouldClaimTheCreationForTheFirstEnrollmentOfACloudAccount() {
        intake.accept(verified("enr-1"), 4);

        SystemAccount claim = accounts.stored(ACME_PROD);
        assertThat(claim.state()).isEqualTo(SystemAccountState.QUEUED);
        assertThat(claim.tenantId()).isEqualTo("acme");
        assertThat(claim.region()).isEqualTo("eu-west-1");
        assertThat(claim.bucket()).isEqualTo(4);
        assertThat(claim.creatorEnrollmentId()).isEqualTo("enr-1");
        assertThat(claim.email()).isEqualTo("aws+acme-gcp-acme-prod@example.com");
        assertThat(accounts.onWorkList(claim)).isTrue();
        assertThat(enrollments.unresolved(ACME_PROD))
                .extracting(WaitingEnrollment::enrollmentId)
                .containsExactly("enr-1");
    }

    @Test
    void shouldLetALaterEnrollmentWaitForTheCreationAlreadyClaimed() {
        intake.accept(verified("enr-1"), 4);

        intake.accept(verified("enr-2"), 4);

        assertThat(accounts.stored(ACME_PROD).creatorEnrollmentId()).isEqualTo("enr-1");
        assertThat(accounts.stored(ACME_PROD).version()).isZero();
        assertThat(enrollments.unresolved(ACME_PROD))
                .extracting(WaitingEnrollment::enrollmentId)
                .containsExactlyInAnyOrder("enr-1", "enr-2");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void shouldAnswerAnEnrollmentOfAReadyAccountAtOnce() {
        intake.accept(verified("enr-1"), 4);
        readyNow();

        intake.accept(verified("enr-2"), 4);

        assertThat(publisher.published()).containsExactly("account.ready enr-2");
    }

    @Test
    void shouldDropARedeliveredEnrollmentWhoseOutcomeWasPublished() {
        intake.accept(verified("enr-1"), 4);
        readyNow();
        intake.accept(verified("enr-2"), 4);

        intake.accept(verified("enr-2"), 4);

        assertThat(publisher.published()).containsExactly("account.ready enr-2");
        assertThat(accounts.onWorkList(accounts.stored(ACME_PROD)))
                .as("settled account stays off the work list")
                .isFalse();
    }

    private void readyNow() {
        SystemAccount claim = accounts.stored(ACME_PROD);
        SystemAccount ready = claim.requesting(START)
                .creating("car-1", START, START)
                .created("123456789012", START)
                .ready("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole", "Ssm", START);
        accounts.store(ready);
        accounts.removeWork(ready.bucket(), ready.key());
    }

    private static VerifiedEnrollment verified(String enrollmentId) {
        return new VerifiedEnrollment(
                enrollmentId, ACME_PROD, "acme", "eu-west-1", PassedOnIdentity.of(new byte[] {1}));
    }
}
