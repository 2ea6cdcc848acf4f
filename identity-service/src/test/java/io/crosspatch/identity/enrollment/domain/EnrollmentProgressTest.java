package io.crosspatch.identity.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrollmentProgressTest {

    private static final ActivationGrant GRANT = new ActivationGrant("act-1", "eu-west-1", "jwe", "k1");

    @Test
    void shouldTakeTheFurthestStageReachedWhateverTheOrderOfArrival() {
        assertThat(progress(false, false, null, null, null).status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(progress(true, false, null, null, null).status()).isEqualTo(EnrollmentStatus.VERIFIED);
        assertThat(progress(false, true, null, null, null).status()).isEqualTo(EnrollmentStatus.ACCOUNT_READY);
        assertThat(progress(false, false, GRANT, null, null).status()).isEqualTo(EnrollmentStatus.ACTIVATION_ISSUED);
        assertThat(progress(true, true, GRANT, "mi-1", null).status()).isEqualTo(EnrollmentStatus.REGISTERED);
    }

    @Test
    void shouldLetAFailureSettleTheStatus() {
        EnrollmentProgress rejected = progress(
                true,
                true,
                GRANT,
                null,
                new EnrollmentProgress.Failure(EnrollmentStatus.REJECTED, "SIGNATURE_INVALID"));

        assertThat(rejected.status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(rejected.deliverableActivation()).isNull();
    }

    @Test
    void shouldDeliverTheActivationOnlyWhileItIsNeeded() {
        assertThat(progress(true, true, GRANT, null, null).deliverableActivation())
                .isEqualTo(GRANT);
        assertThat(progress(true, true, GRANT, "mi-1", null).deliverableActivation())
                .isEqualTo(GRANT);
    }

    private static EnrollmentProgress progress(
            boolean verified, boolean ready, ActivationGrant grant, String mi, EnrollmentProgress.Failure failure) {
        return new EnrollmentProgress("enr-1", SecretHash.of("s"), "f", verified, ready, grant, mi, failure);
    }
}
