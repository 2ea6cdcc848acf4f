package io.crosspatch.identity.verification;

import static io.crosspatch.identity.verification.support.Enrollments.anyEnrollmentId;
import static io.crosspatch.identity.verification.support.Enrollments.requested;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyAwsAccount;
import static io.crosspatch.identity.verification.support.SimulatedClouds.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.verification.application.ReEnrollmentService;
import io.crosspatch.identity.verification.domain.InstanceKey;
import io.crosspatch.identity.verification.persistence.InstanceClaimRepository;
import io.crosspatch.identity.verification.support.SimulatedClouds;
import io.crosspatch.identity.verification.support.Verdicts;
import io.crosspatch.identity.verification.support.VerifierIntegrationTest;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Hostile enrollments across tenants and across an instance's life, through the real broker, registry and Cassandra
 * with identities signed by the simulator's trusted keys: a vCenter's issuer vouching for another tenant's org, and
 * an EC2 instance enrolling again after a stop/start (same instance, new {@code pendingTime}) under another secret.
 */
class CrossTenantEnrollmentTest extends VerifierIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private CloudAccountRepository accounts;

    @Autowired
    private InstanceClaimRepository claims;

    @Autowired
    private ReEnrollmentService reEnrollments;

    @Test
    void shouldRejectAVmwareTokenMintedByOneTenantsIssuerForAnotherTenantsOrg() throws Exception {
        // given: tenant A's vCenter (a registered issuer, bound to A's org) and tenant B's onboarded org
        onboard("vmware", SimulatedClouds.VMWARE_ORG, anyTenant());
        String victimOrg = "vc-victim-" + UUID.randomUUID().toString().substring(0, 8);
        onboard("vmware", victimOrg, anyTenant());
        JsonNode attackersVm = CLOUDS.createVm("vmware", SimulatedClouds.VMWARE_ORG, "mallory-1");
        IdentityMaterial forB = new IdentityMaterial.VmwareToken(CLOUDS.forge(
                        attackersVm, options().set("claims", options().put("vcenter_id", victimOrg)))
                .get("token")
                .asText());
        String enrollmentId = anyEnrollmentId();

        // when
        send(requested(enrollmentId, forB));

        // then
        EnrollmentFailed failure = Verdicts.of(enrollmentId).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("UNTRUSTED_SIGNER");
        assertThat(failure.getTenantId()).isNull();
    }

    @Test
    void shouldRejectAStoppedAndStartedAwsInstanceEnrollingAgainUnderAnotherSecretUntilAnAdminReleasesIt()
            throws Exception {
        // given: an EC2 instance enrolled once
        String tenant = anyTenant();
        CloudAccount account = onboard("aws", anyAwsAccount(), tenant);
        JsonNode vm = CLOUDS.createVm("aws", account.cloudAccountId(), "db-1", Map.of(), Map.of("region", "eu-west-1"));
        String instanceId = vm.get("instanceId").asText();
        String first = anyEnrollmentId();
        send(requested(first, CLOUDS.awsIdentity(vm)));
        Verdicts.of(first).onlyVerified();
        IdentityMaterial afterRestart = restarted(vm, Duration.ofDays(3));
        String second = anyEnrollmentId();

        // when: the same instance, stopped and started (a new pendingTime in a genuinely signed document)
        send(requested(second, afterRestart));

        // then
        EnrollmentFailed failure = Verdicts.of(second).onlyFailure();
        assertThat(failure.getReasonCode()).isEqualTo("ALREADY_ENROLLED");
        assertThat(failure.getTenantId()).isEqualTo(tenant);

        // and the audited re-enrollment still frees it
        assertThat(reEnrollments
                        .release(
                                tenant,
                                CloudProvider.AWS,
                                account.cloudAccountId(),
                                instanceId,
                                "disk replaced",
                                "admin-1")
                        .orElseThrow()
                        .previousEnrollmentIds())
                .containsExactly(first);
        String third = anyEnrollmentId();
        send(requested(third, afterRestart));
        assertThat(Verdicts.of(third).onlyVerified().getIdentity().getInstanceId())
                .isEqualTo(instanceId);
    }

    @Test
    void shouldHonourAnAwsClaimStoredUnderTheOldPendingTimeKey() throws Exception {
        // given: a claim row as earlier versions wrote it, keyed on the pendingTime of the enrollment that made it
        String tenant = anyTenant();
        CloudAccount account = onboard("aws", anyAwsAccount(), tenant);
        JsonNode vm = CLOUDS.createVm("aws", account.cloudAccountId(), "db-2", Map.of(), Map.of("region", "eu-west-1"));
        String instanceId = vm.get("instanceId").asText();
        Instant earlierBoot = Instant.parse(vm.get("createdAt").asText()).truncatedTo(ChronoUnit.SECONDS);
        claims.claim(
                new InstanceKey(CloudProvider.AWS, account.cloudAccountId(), instanceId, earlierBoot),
                "enr-legacy",
                Instant.now());
        String enrollmentId = anyEnrollmentId();

        // when
        send(requested(enrollmentId, restarted(vm, Duration.ofHours(5))));

        // then
        assertThat(Verdicts.of(enrollmentId).onlyFailure().getReasonCode()).isEqualTo("ALREADY_ENROLLED");
        assertThat(reEnrollments
                        .release(tenant, CloudProvider.AWS, account.cloudAccountId(), instanceId, "migrated", "admin-1")
                        .orElseThrow()
                        .previousEnrollmentIds())
                .containsExactly("enr-legacy");
        assertThat(claims.claimsOf(CloudProvider.AWS, account.cloudAccountId(), instanceId))
                .isEmpty();
    }

    /** The VM's identity document after a stop/start {@code uptime} later: new pendingTime, signed by AWS's key. */
    private static IdentityMaterial restarted(JsonNode vm, Duration later) {
        Instant pendingTime =
                Instant.parse(vm.get("createdAt").asText()).plus(later).truncatedTo(ChronoUnit.SECONDS);
        JsonNode document =
                CLOUDS.forge(vm, options().set("claims", options().put("pendingTime", pendingTime.toString())));
        return new IdentityMaterial.AwsDocument(
                document.get("pkcs7").asText(), document.get("document").asText());
    }

    private CloudAccount onboard(String provider, String accountId, String tenantId) {
        CloudAccount account = new CloudAccount(
                provider,
                accountId,
                tenantId,
                "Account " + accountId,
                "on-time",
                "eu-central-1",
                Set.of(),
                Instant.now());
        accounts.save(account);
        return account;
    }

    private void send(EnrollmentRequested request) throws Exception {
        kafka.send(Topics.ENROLLMENT_REQUESTED.name(), request.getEnrollmentId(), request)
                .get();
    }

    private static String anyTenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
