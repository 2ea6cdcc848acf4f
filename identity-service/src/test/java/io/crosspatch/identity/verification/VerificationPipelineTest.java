package io.crosspatch.identity.verification;

import static io.crosspatch.identity.verification.support.Enrollments.anyEnrollmentId;
import static io.crosspatch.identity.verification.support.Enrollments.requested;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyAwsAccount;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyAzureSubscription;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyGcpProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.Provider;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.challenge.persistence.ChallengeRepository;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.verification.application.ReEnrollmentService;
import io.crosspatch.identity.verification.domain.ReEnrollment;
import io.crosspatch.identity.verification.persistence.ReEnrollmentAuditRepository;
import io.crosspatch.identity.verification.support.SimulatedClouds;
import io.crosspatch.identity.verification.support.Verdicts;
import io.crosspatch.identity.verification.support.VerifierIntegrationTest;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.schemas.topics.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The verifier end to end on the real broker, registry and Cassandra: {@code enrollment.requested} records carrying
 * genuine identities of simulated VMs end as {@code identity.verified} with the right tenant, account, instance and
 * patch group; the rules that need state (onboarding, nonces, jti, trust on first use) reject with their reason
 * and publish nothing else; a redelivered record is verified again, never counted as its own replay.
 */
class VerificationPipelineTest extends VerifierIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private CloudAccountRepository accounts;

    @Autowired
    private ChallengeRepository challenges;

    @Autowired
    private ReEnrollmentService reEnrollments;

    @Autowired
    private ReEnrollmentAuditRepository audit;

    private CloudAccount onboard(String provider, String accountId, String tenantId) {
        CloudAccount account = new CloudAccount(
                provider,
                accountId,
                tenantId,
                "Account " + accountId,
                "on-time",
                "eu-central-1",
                Set.of("canary"),
                Instant.now());
        accounts.save(account);
        return account;
    }

    private void send(EnrollmentRequested request) throws Exception {
        kafka.send(Topics.ENROLLMENT_REQUESTED.name(), request.getEnrollmentId(), request)
                .get();
    }

    private String freshNonce() {
        Challenge challenge = Challenge.issue(Instant.now());
        challenges.save(challenge);
        return challenge.nonce();
    }

    private static String anyTenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void gcpVmEndsVerifiedWithItsTenantProjectInstanceZoneAndRequestedPatchGroup() throws Exception {
        String tenant = anyTenant();
        CloudAccount account = onboard("gcp", anyGcpProject(), tenant);
        JsonNode vm =
                CLOUDS.createVm("gcp", account.cloudAccountId(), "web-1", Map.of(), Map.of("zone", "europe-west1-b"));
        String enrollmentId = anyEnrollmentId();

        send(requested(
                enrollmentId,
                CLOUDS.gcpIdentity(vm),
                Map.of("crosspatch-patching", "true", "crosspatch-patchgroup", "canary", "team", "web")));

        Verdicts verdicts = Verdicts.of(enrollmentId);
        VerifiedIdentity identity = verdicts.onlyVerified().getIdentity();
        assertThat(verdicts.verified().get(0).key()).isEqualTo("gcp:" + account.cloudAccountId());
        assertThat(identity.getTenantId()).isEqualTo(tenant);
        assertThat(identity.getProvider()).isEqualTo(Provider.GCP);
        assertThat(identity.getCloudAccountId()).isEqualTo(account.cloudAccountId());
        assertThat(identity.getCloudAccountName()).isEqualTo(account.displayName());
        assertThat(identity.getInstanceId()).isEqualTo(vm.get("instanceId").asText());
        assertThat(identity.getInstanceName()).isEqualTo("web-1");
        assertThat(identity.getLocation()).isEqualTo("europe-west1-b");
        assertThat(identity.getPatchGroup()).isEqualTo("canary");
        assertThat(identity.getAwsRegion()).isEqualTo("eu-central-1");
        assertThat(identity.getOperatingSystem()).isEqualTo(OperatingSystem.UBUNTU);
        assertThat(identity.getInstanceCreatedAt())
                .isEqualTo(Instant.parse(vm.get("createdAt").asText()).truncatedTo(ChronoUnit.SECONDS));
        assertThat(identity.getLabels()).containsExactly(Map.entry("team", "web"));
    }

    @Test
    void azureVmWithAnIssuedNonceEndsVerifiedInTheAccountsDefaultPatchGroup() throws Exception {
        String tenant = anyTenant();
        CloudAccount account = onboard("azure", anyAzureSubscription(), tenant);
        JsonNode vm =
                CLOUDS.createVm("azure", account.cloudAccountId(), "app-1", Map.of(), Map.of("region", "westeurope"));
        String enrollmentId = anyEnrollmentId();

        send(requested(enrollmentId, CLOUDS.azureIdentity(vm, freshNonce())));

        VerifiedIdentity identity = Verdicts.of(enrollmentId).onlyVerified().getIdentity();
        assertThat(identity.getTenantId()).isEqualTo(tenant);
        assertThat(identity.getProvider()).isEqualTo(Provider.AZURE);
        assertThat(identity.getCloudAccountId()).isEqualTo(account.cloudAccountId());
        assertThat(identity.getInstanceId()).isEqualTo(vm.get("instanceId").asText());
        assertThat(identity.getPatchGroup()).isEqualTo("on-time");
        assertThat(identity.getAwsRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void awsVmEndsVerifiedWithItsAccountInstanceAndRegion() throws Exception {
        String tenant = anyTenant();
        CloudAccount account = onboard("aws", anyAwsAccount(), tenant);
        JsonNode vm = CLOUDS.createVm("aws", account.cloudAccountId(), "db-1", Map.of(), Map.of("region", "eu-west-1"));
        String enrollmentId = anyEnrollmentId();

        send(requested(
                enrollmentId,
                CLOUDS.awsIdentity(vm),
                Map.of("crosspatch-patching", "true", "crosspatch-patchgroup", "early")));

        Verdicts verdicts = Verdicts.of(enrollmentId);
        VerifiedIdentity identity = verdicts.onlyVerified().getIdentity();
        assertThat(verdicts.verified().get(0).key()).isEqualTo("aws:" + account.cloudAccountId());
        assertThat(identity.getTenantId()).isEqualTo(tenant);
        assertThat(identity.getInstanceId()).isEqualTo(vm.get("instanceId").asText());
        assertThat(identity.getLocation()).isEqualTo("eu-west-1");
        assertThat(identity.getPatchGroup()).isEqualTo("early");
        assertThat(identity.getInstanceCreatedAt())
                .as("pendingTime is the last launch, not the creation")
                .isNull();
    }

    @Test
    void vmwareVmEndsVerifiedWithItsOrgInstanceUuidAndName() throws Exception {
        String tenant = anyTenant();
        onboard("vmware", SimulatedClouds.VMWARE_ORG, tenant);
        JsonNode vm = CLOUDS.createVm("vmware", SimulatedClouds.VMWARE_ORG, "erp-1");
        String enrollmentId = anyEnrollmentId();

        send(requested(enrollmentId, CLOUDS.vmwareIdentity(vm)));

        Verdicts verdicts = Verdicts.of(enrollmentId);
        VerifiedIdentity identity = verdicts.onlyVerified().getIdentity();
        assertThat(verdicts.verified().get(0).key()).isEqualTo("vmware:" + SimulatedClouds.VMWARE_ORG);
        assertThat(identity.getTenantId()).isEqualTo(tenant);
        assertThat(identity.getInstanceId()).isEqualTo(vm.get("instanceId").asText());
        assertThat(identity.getInstanceName()).isEqualTo("erp-1");
    }

    @Test
    void shouldRejectAnAccountThatIsNotOnboarded() throws Exception {
        JsonNode vm = CLOUDS.createVm("gcp", anyGcpProject(), "web-1");
        String enrollmentId = anyEnrollmentId();

        send(requested(enrollmentId, CLOUDS.gcpIdentity(vm)));

        EnrollmentFailed failure = Verdicts.of(enrollmentId).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("ACCOUNT_NOT_ONBOARDED");
        assertThat(failure.getStage()).isEqualTo(EnrollmentStage.VERIFICATION);
        assertThat(failure.getRetryable()).isFalse();
        assertThat(failure.getCloudAccountId()).isEqualTo(vm.get("accountId").asText());
    }

    @Test
    void shouldRejectAForgedIdentityAndPublishNothingElse() throws Exception {
        CloudAccount account = onboard("gcp", anyGcpProject(), anyTenant());
        JsonNode vm = CLOUDS.createVm("gcp", account.cloudAccountId(), "web-1");
        String enrollmentId = anyEnrollmentId();
        String forged = CLOUDS.forge(vm, SimulatedClouds.options().put("signer", "foreign"))
                .get("token")
                .asText();

        send(requested(enrollmentId, new IdentityMaterial.GcpToken(forged)));

        EnrollmentFailed failure = Verdicts.of(enrollmentId).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("SIGNATURE_INVALID");
        assertThat(failure.getMessage()).doesNotContain(forged.substring(0, 40));
    }

    @Test
    void shouldRejectARequestWhoseProviderDiffersFromItsIdentity() throws Exception {
        CloudAccount account = onboard("gcp", anyGcpProject(), anyTenant());
        JsonNode vm = CLOUDS.createVm("gcp", account.cloudAccountId(), "web-1");
        String enrollmentId = anyEnrollmentId();

        send(requested(
                enrollmentId, Provider.AWS, CLOUDS.gcpIdentity(vm), Map.of("crosspatch-patching", "true"), "ubuntu"));

        assertThat(Verdicts.of(enrollmentId).onlyFailure().getReasonCode()).isEqualTo("PROVIDER_MISMATCH");
    }

    @Test
    void shouldRejectAVmThatDoesNotAskForPatchingOrAsksForAGroupItsAccountLacks() throws Exception {
        CloudAccount account = onboard("aws", anyAwsAccount(), anyTenant());
        JsonNode vm = CLOUDS.createVm("aws", account.cloudAccountId(), "db-1", Map.of(), Map.of("region", "eu-west-1"));
        String notPatching = anyEnrollmentId();
        String wrongGroup = anyEnrollmentId();

        send(requested(notPatching, CLOUDS.awsIdentity(vm), Map.of("crosspatch-patching", "false")));
        send(requested(
                wrongGroup,
                CLOUDS.awsIdentity(vm),
                Map.of("crosspatch-patching", "true", "crosspatch-patchgroup", "nightly")));

        assertThat(Verdicts.of(notPatching).onlyFailure().getReasonCode()).isEqualTo("PATCHING_NOT_REQUESTED");
        assertThat(Verdicts.of(wrongGroup).onlyFailure().getReasonCode()).isEqualTo("PATCH_GROUP_NOT_ALLOWED");
    }

    @Test
    void shouldRejectAnAzureDocumentWithANonceThisServiceNeverIssued() throws Exception {
        CloudAccount account = onboard("azure", anyAzureSubscription(), anyTenant());
        JsonNode vm = CLOUDS.createVm("azure", account.cloudAccountId(), "app-1");
        String enrollmentId = anyEnrollmentId();

        send(requested(
                enrollmentId,
                CLOUDS.azureIdentity(vm, Challenge.issue(Instant.now()).nonce())));

        EnrollmentFailed failure = Verdicts.of(enrollmentId).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("NONCE_INVALID");
        assertThat(failure.getMessage()).contains("never issued");
    }

    @Test
    void shouldRejectAnAzureDocumentWithAnExpiredNonce() throws Exception {
        CloudAccount account = onboard("azure", anyAzureSubscription(), anyTenant());
        JsonNode vm = CLOUDS.createVm("azure", account.cloudAccountId(), "app-1");
        Challenge expired =
                Challenge.issue(Instant.now().minus(Challenge.VALIDITY).minusSeconds(5));
        challenges.save(expired);
        String enrollmentId = anyEnrollmentId();

        send(requested(enrollmentId, CLOUDS.azureIdentity(vm, expired.nonce())));

        EnrollmentFailed failure = Verdicts.of(enrollmentId).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("NONCE_INVALID");
        assertThat(failure.getMessage()).contains("expired");
    }

    @Test
    void shouldRejectAReplayedAzureDocumentWhoseNonceIsUsedUp() throws Exception {
        CloudAccount account = onboard("azure", anyAzureSubscription(), anyTenant());
        JsonNode vm = CLOUDS.createVm("azure", account.cloudAccountId(), "app-1");
        IdentityMaterial captured = CLOUDS.azureIdentity(vm, freshNonce());
        String original = anyEnrollmentId();
        String replay = anyEnrollmentId();

        send(requested(original, captured));
        Verdicts.of(original).onlyVerified();
        send(requested(replay, captured));

        EnrollmentFailed failure = Verdicts.of(replay).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("NONCE_INVALID");
        assertThat(failure.getMessage()).contains("already used");
    }

    @Test
    void shouldRejectAReplayedVmwareTokenJti() throws Exception {
        onboard("vmware", SimulatedClouds.VMWARE_ORG, anyTenant());
        JsonNode vm = CLOUDS.createVm("vmware", SimulatedClouds.VMWARE_ORG, "erp-2");
        IdentityMaterial captured = CLOUDS.vmwareIdentity(vm);
        String original = anyEnrollmentId();
        String replay = anyEnrollmentId();

        send(requested(original, captured));
        Verdicts.of(original).onlyVerified();
        send(requested(replay, captured));

        assertThat(Verdicts.of(replay).onlyFailure().getReasonCode()).isEqualTo("TOKEN_REPLAYED");
    }

    @Test
    void shouldRejectASecondEnrollmentOfOneInstanceUntilAnAdminReleasesIt() throws Exception {
        String tenant = anyTenant();
        CloudAccount account = onboard("gcp", anyGcpProject(), tenant);
        JsonNode vm = CLOUDS.createVm("gcp", account.cloudAccountId(), "web-1");
        String instanceId = vm.get("instanceId").asText();
        String first = anyEnrollmentId();
        String second = anyEnrollmentId();
        String third = anyEnrollmentId();

        send(requested(first, CLOUDS.gcpIdentity(vm)));
        Verdicts.of(first).onlyVerified();
        send(requested(second, CLOUDS.gcpIdentity(vm)));
        EnrollmentFailed failure = Verdicts.of(second).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("ALREADY_ENROLLED");
        assertThat(failure.getTenantId()).isEqualTo(tenant);

        assertThat(reEnrollments.release(
                        "someone-else", CloudProvider.GCP, account.cloudAccountId(), instanceId, "rebuilt", "admin-1"))
                .isEmpty();
        ReEnrollment released = reEnrollments
                .release(
                        tenant,
                        CloudProvider.GCP,
                        account.cloudAccountId(),
                        instanceId,
                        "VM rebuilt from its image",
                        "admin-1")
                .orElseThrow();
        send(requested(third, CLOUDS.gcpIdentity(vm)));

        assertThat(released.previousEnrollmentIds()).containsExactly(first);
        assertThat(audit.ofInstance(CloudProvider.GCP, account.cloudAccountId(), instanceId))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.releasedBy()).isEqualTo("admin-1");
                    assertThat(entry.reason()).isEqualTo("VM rebuilt from its image");
                    assertThat(entry.previousEnrollmentIds()).containsExactly(first);
                });
        assertThat(Verdicts.of(third).onlyVerified().getIdentity().getInstanceId())
                .isEqualTo(instanceId);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsNameTheEnrollmentsButNeverContainTheIdentitiesTheyVerify(CapturedOutput output) throws Exception {
        CloudAccount gcp = onboard("gcp", anyGcpProject(), anyTenant());
        CloudAccount azure = onboard("azure", anyAzureSubscription(), anyTenant());
        JsonNode gcpVm = CLOUDS.createVm("gcp", gcp.cloudAccountId(), "web-1");
        IdentityMaterial.GcpToken token = CLOUDS.gcpIdentity(gcpVm);
        String forged = CLOUDS.forge(gcpVm, SimulatedClouds.options().put("signer", "foreign"))
                .get("token")
                .asText();
        IdentityMaterial.AzureDocument document =
                CLOUDS.azureIdentity(CLOUDS.createVm("azure", azure.cloudAccountId(), "app-1"), freshNonce());
        String verified = anyEnrollmentId();
        String rejected = anyEnrollmentId();
        String azureEnrollment = anyEnrollmentId();

        send(requested(verified, token));
        send(requested(rejected, new IdentityMaterial.GcpToken(forged)));
        send(requested(azureEnrollment, document));
        Verdicts.of(verified).onlyVerified();
        Verdicts.of(rejected).onlyFailure();
        Verdicts.of(azureEnrollment).onlyVerified();

        assertThat(output.getAll())
                .contains(verified, rejected, azureEnrollment)
                .doesNotContain(token.token().split("\\.")[1])
                .doesNotContain(token.token().split("\\.")[2])
                .doesNotContain(forged.split("\\.")[2])
                .doesNotContain(document.attestedDocument().substring(0, 64));
    }

    @Test
    void reEnrollmentOfAnInstanceThatNeverEnrolledFindsNothing() {
        String tenant = anyTenant();
        CloudAccount account = onboard("aws", anyAwsAccount(), tenant);

        assertThat(reEnrollments.release(
                        tenant, CloudProvider.AWS, account.cloudAccountId(), "i-0123456789abcdef0", "why", "admin-1"))
                .isEmpty();
    }

    @Test
    void redeliveredEnrollmentsAreVerifiedAgainWithTheSameContentNotTakenForReplays() throws Exception {
        CloudAccount azure = onboard("azure", anyAzureSubscription(), anyTenant());
        onboard("vmware", SimulatedClouds.VMWARE_ORG, "tenant-vmware");
        EnrollmentRequested azureRecord = requested(
                anyEnrollmentId(),
                CLOUDS.azureIdentity(CLOUDS.createVm("azure", azure.cloudAccountId(), "app-9"), freshNonce()));
        EnrollmentRequested vmwareRecord = requested(
                anyEnrollmentId(),
                CLOUDS.vmwareIdentity(CLOUDS.createVm("vmware", SimulatedClouds.VMWARE_ORG, "erp-9")));

        for (EnrollmentRequested record :
                new EnrollmentRequested[] {azureRecord, vmwareRecord, azureRecord, vmwareRecord}) {
            send(record);
        }

        for (EnrollmentRequested record : new EnrollmentRequested[] {azureRecord, vmwareRecord}) {
            Verdicts verdicts = Verdicts.of(record.getEnrollmentId(), 2);
            assertThat(verdicts.failed()).isEmpty();
            assertThat(verdicts.verified()).hasSize(2);
            IdentityVerified first =
                    (IdentityVerified) verdicts.verified().get(0).value();
            IdentityVerified again =
                    (IdentityVerified) verdicts.verified().get(1).value();
            assertThat(again.getIdentity()).isEqualTo(first.getIdentity());
            assertThat(verdicts.verified().get(1).key())
                    .isEqualTo(verdicts.verified().get(0).key());
        }
    }
}
