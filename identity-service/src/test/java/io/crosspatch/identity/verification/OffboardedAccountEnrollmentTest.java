package io.crosspatch.identity.verification;

import static io.crosspatch.identity.verification.support.Enrollments.anyEnrollmentId;
import static io.crosspatch.identity.verification.support.Enrollments.requested;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyGcpProject;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.identity.onboarding.application.CloudAccountOffboarding;
import io.crosspatch.identity.onboarding.application.CloudAccountOnboarding;
import io.crosspatch.identity.onboarding.application.CloudAccountSettings;
import io.crosspatch.identity.verification.support.Verdicts;
import io.crosspatch.identity.verification.support.VerifierIntegrationTest;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.schemas.topics.Topics;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The verifier and offboarding: a VM of an offboarded cloud account is refused with ACCOUNT_OFFBOARDED (its status
 * says why, for good), and once another tenant onboards the account its VMs enroll there — re-onboarding starts clean.
 */
class OffboardedAccountEnrollmentTest extends VerifierIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private CloudAccountOnboarding onboarding;

    @Autowired
    private CloudAccountOffboarding offboarding;

    @Test
    void shouldRejectAnOffboardedAccountWithAccountOffboardedUntilItIsOnboardedAgain() throws Exception {
        // given an account offboarded from its tenant
        String tenant = anyTenant();
        String project = anyGcpProject();
        onboard(tenant, project);
        offboarding.offboard(tenant, new CloudAccountKey(CloudProvider.GCP, project), "ops");

        // when one of its VMs enrolls
        String refused = anyEnrollmentId();
        send(requested(refused, CLOUDS.gcpIdentity(CLOUDS.createVm("gcp", project, "web-1"))));

        // then it is told why, for good
        EnrollmentFailed failure = Verdicts.of(refused).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("ACCOUNT_OFFBOARDED");
        assertThat(failure.getStage()).isEqualTo(EnrollmentStage.VERIFICATION);
        assertThat(failure.getRetryable()).isFalse();
        assertThat(failure.getCloudAccountId()).isEqualTo(project);

        // and once another tenant onboards the account, its VMs enroll there
        String newOwner = anyTenant();
        onboard(newOwner, project);
        String accepted = anyEnrollmentId();
        send(requested(accepted, CLOUDS.gcpIdentity(CLOUDS.createVm("gcp", project, "web-2"))));
        assertThat(Verdicts.of(accepted).onlyVerified().getIdentity().getTenantId())
                .isEqualTo(newOwner);
    }

    private void onboard(String tenant, String project) {
        onboarding.onboard(new CloudAccountSettings(tenant, "gcp", project, null, null, "eu-west-1", null));
    }

    private void send(EnrollmentRequested request) throws Exception {
        kafka.send(Topics.ENROLLMENT_REQUESTED.name(), request.getEnrollmentId(), request)
                .get();
    }

    private static String anyTenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
