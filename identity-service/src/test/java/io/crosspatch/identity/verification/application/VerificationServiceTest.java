package io.crosspatch.identity.verification.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.support.memory.InMemoryChallenges;
import io.crosspatch.identity.support.memory.InMemoryCloudAccounts;
import io.crosspatch.identity.support.memory.InMemoryInstanceClaims;
import io.crosspatch.identity.support.memory.InMemoryTokenIds;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.identity.verification.domain.RequestedEnrollment;
import io.crosspatch.identity.verification.domain.RetryPolicy;
import io.crosspatch.identity.verification.domain.RetryTicket;
import io.crosspatch.identity.verification.domain.VerificationOutcome;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The verifier's decision for one enrollment, in memory: provider verifiers are scripted (their own rules are
 * {@code ProviderVerifiersTest}'s), the ports are in-memory adapters with the Cassandra adapters' semantics. Covers
 * every branch of {@link VerificationService} without a broker, a database or a cloud.
 */
class VerificationServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final RetryPolicy RETRY =
            new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(6));
    private static final String TENANT = "acme";
    private static final Map<CloudProvider, String> ACCOUNT_IDS = Map.of(
            CloudProvider.GCP, "acme-prod",
            CloudProvider.AZURE, "6f1d2c3b-0a9e-4d8c-b7a6-5e4f3d2c1b0a",
            CloudProvider.AWS, "123456789012",
            CloudProvider.VMWARE, "vc-acme");

    private final InMemoryCloudAccounts accounts = new InMemoryCloudAccounts();
    private final InMemoryChallenges challenges = new InMemoryChallenges();
    private final InMemoryTokenIds tokenIds = new InMemoryTokenIds();
    private final InMemoryInstanceClaims claims = new InMemoryInstanceClaims();
    private final Map<CloudProvider, Function<IdentityMaterial, VerifiedClaims>> proofs =
            new EnumMap<>(CloudProvider.class);
    private final VerificationService verification = new VerificationService(
            Arrays.stream(CloudProvider.values()).map(this::scriptedVerifier).toList(),
            accounts,
            challenges,
            tokenIds,
            claims,
            RETRY,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final String nonce = issuedNonce();

    VerificationServiceTest() {
        for (CloudProvider provider : CloudProvider.values()) {
            accounts.with(account(provider, ACCOUNT_IDS.get(provider), Set.of()));
            proofs.put(provider, material -> proven(material, ACCOUNT_IDS.get(provider), "instance-1"));
        }
    }

    @ParameterizedTest
    @EnumSource(CloudProvider.class)
    void verifiesAnIdentityOfEachProviderForTheTenantItsCloudAccountIsOnboardedTo(CloudProvider provider) {
        VerificationOutcome outcome = verification.verify(request("enr-1", material(provider)));

        assertThat(outcome).isInstanceOfSatisfying(VerificationOutcome.Verified.class, verified -> {
            assertThat(verified.enrollment().tenantId()).isEqualTo(TENANT);
            assertThat(verified.enrollment().cloudAccountKey())
                    .isEqualTo(new CloudAccountKey(provider, ACCOUNT_IDS.get(provider)));
            assertThat(verified.enrollment().instanceId()).isEqualTo("instance-1");
            assertThat(verified.enrollment().patchGroup()).isEqualTo("on-time");
            assertThat(verified.enrollment().labels()).containsOnly(Map.entry("team", "web"));
        });
        assertThat(claims.claimsOf(provider, ACCOUNT_IDS.get(provider), "instance-1"))
                .extracting(InstanceClaims.Claim::enrollmentId)
                .containsExactly("enr-1");
    }

    @Test
    void usesUpTheAzureNonceAndTheVmwareTokenIdOfAVerifiedEnrollment() {
        verification.verify(request("enr-azure", material(CloudProvider.AZURE)));
        verification.verify(request("enr-vmware", material(CloudProvider.VMWARE)));

        assertThat(challenges.consumer(nonce)).isEqualTo("enr-azure");
        assertThat(tokenIds.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(CloudProvider.class)
    void comesToTheSameVerdictForARedeliveredEnrollmentInsteadOfCountingItAsItsOwnReplay(CloudProvider provider) {
        verification.verify(request("enr-1", material(provider)));

        assertThat(verification.verify(request("enr-1", material(provider))))
                .isInstanceOf(VerificationOutcome.Verified.class);
    }

    @Test
    void rejectsARequestThatNamesOneProviderButCarriesTheIdentityOfAnother() {
        RequestedEnrollment request = requested(
                "enr-1", CloudProvider.AWS, material(CloudProvider.GCP), "web-1", "ubuntu", "22.04", patchingLabels());

        assertRejected(verification.verify(request), RejectionReason.PROVIDER_MISMATCH);
        assertThat(claims.claimsOf(CloudProvider.GCP, ACCOUNT_IDS.get(CloudProvider.GCP), "instance-1"))
                .isEmpty();
    }

    @Test
    void rejectsAnIdentityItsVerifierDoesNotTrustWithoutNamingAnAccountOrTenant() {
        proofs.put(CloudProvider.GCP, material -> {
            throw new IdentityRejectedException(RejectionReason.UNTRUSTED_SIGNER, "unknown key id");
        });

        VerificationOutcome outcome = verification.verify(request("enr-1", material(CloudProvider.GCP)));

        assertThat(outcome).isInstanceOfSatisfying(VerificationOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.UNTRUSTED_SIGNER);
            assertThat(rejected.provider()).isEqualTo(CloudProvider.GCP);
            assertThat(rejected.cloudAccountId()).isNull();
            assertThat(rejected.tenantId()).isNull();
        });
    }

    @Test
    void rejectsAVmwareTokenIdReplayedByAnotherEnrollment() {
        verification.verify(request("enr-1", material(CloudProvider.VMWARE)));
        proofs.put(
                CloudProvider.VMWARE,
                material -> proven(material, ACCOUNT_IDS.get(CloudProvider.VMWARE), "instance-2"));

        assertRejected(
                verification.verify(request("enr-2", material(CloudProvider.VMWARE))), RejectionReason.TOKEN_REPLAYED);
        assertThat(claims.claimsOf(CloudProvider.VMWARE, ACCOUNT_IDS.get(CloudProvider.VMWARE), "instance-2"))
                .isEmpty();
    }

    @Test
    void rejectsAnAzureDocumentWhoseNonceAnotherEnrollmentUsed() {
        verification.verify(request("enr-1", material(CloudProvider.AZURE)));
        proofs.put(
                CloudProvider.AZURE, material -> proven(material, ACCOUNT_IDS.get(CloudProvider.AZURE), "instance-2"));

        assertRejected(
                verification.verify(request("enr-2", material(CloudProvider.AZURE))), RejectionReason.NONCE_INVALID);
    }

    @Test
    void rejectsAnAzureDocumentWhoseNonceThisServiceNeverIssued() {
        VerificationOutcome outcome = verification.verify(
                request("enr-1", new IdentityMaterial.AzureDocument("document", "N".repeat(Challenge.LENGTH))));

        assertRejected(outcome, RejectionReason.NONCE_INVALID);
    }

    @Test
    void rejectsAnAzureDocumentWhoseNonceHasExpired() {
        Challenge stale = Challenge.issue(NOW.minus(Challenge.VALIDITY).minusSeconds(1));
        challenges.save(stale);

        assertRejected(
                verification.verify(request("enr-1", new IdentityMaterial.AzureDocument("document", stale.nonce()))),
                RejectionReason.NONCE_INVALID);
    }

    @Test
    void rejectsAnInstanceAnotherEnrollmentAlreadyClaimedAndTellsItsTenant() {
        verification.verify(request("enr-1", material(CloudProvider.GCP)));

        VerificationOutcome second = verification.verify(request("enr-2", material(CloudProvider.GCP)));

        assertRejected(second, RejectionReason.ALREADY_ENROLLED);
        assertThat(((VerificationOutcome.Rejected) second).tenantId()).isEqualTo(TENANT);
    }

    @Test
    void rejectsAnIdentityOfACloudAccountNobodyOnboardedAndSpendsNoSingleUseProofOnIt() {
        proofs.put(CloudProvider.AZURE, material -> proven(material, "elsewhere", "instance-1"));

        VerificationOutcome outcome = verification.verify(request("enr-1", material(CloudProvider.AZURE)));

        assertThat(outcome).isInstanceOfSatisfying(VerificationOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.ACCOUNT_NOT_ONBOARDED);
            assertThat(rejected.cloudAccountId()).isEqualTo("elsewhere");
            assertThat(rejected.tenantId()).isNull();
        });
        assertThat(challenges.consumer(nonce)).isNull();
    }

    @Test
    void rejectsAnEnrollmentThatDoesNotAskForPatchingBeforeClaimingItsInstance() {
        RequestedEnrollment request = requested(
                "enr-1",
                CloudProvider.GCP,
                material(CloudProvider.GCP),
                "web-1",
                "ubuntu",
                "22.04",
                Map.of("team", "web"));

        assertRejected(verification.verify(request), RejectionReason.PATCHING_NOT_REQUESTED);
        assertThat(claims.claimsOf(CloudProvider.GCP, ACCOUNT_IDS.get(CloudProvider.GCP), "instance-1"))
                .isEmpty();
    }

    @Test
    void placesAnInstanceInACustomPatchGroupOnlyWhereItsCloudAccountAllowsIt() {
        Map<String, String> canary = Map.of("crosspatch-patching", "true", "crosspatch-patchgroup", "canary");
        RequestedEnrollment request =
                requested("enr-1", CloudProvider.GCP, material(CloudProvider.GCP), "web-1", "ubuntu", "22.04", canary);

        assertRejected(verification.verify(request), RejectionReason.PATCH_GROUP_NOT_ALLOWED);

        accounts.with(account(CloudProvider.GCP, ACCOUNT_IDS.get(CloudProvider.GCP), Set.of("canary")));
        assertThat(verification.verify(request))
                .isInstanceOfSatisfying(
                        VerificationOutcome.Verified.class,
                        verified ->
                                assertThat(verified.enrollment().patchGroup()).isEqualTo("canary"));
    }

    @Test
    void rejectsAnOperatingSystemWithoutAPatchBaseline() {
        RequestedEnrollment request = requested(
                "enr-1", CloudProvider.GCP, material(CloudProvider.GCP), "web-1", "haiku", "r1", patchingLabels());

        assertRejected(verification.verify(request), RejectionReason.OS_NOT_SUPPORTED);
    }

    @Test
    void parksAnEnrollmentWhoseTrustSourceIsUnavailableInsteadOfRejectingIt() {
        proofs.put(CloudProvider.GCP, material -> {
            throw new TrustSourceUnavailableException("JWKS of accounts.google.com unreachable", null);
        });

        VerificationOutcome outcome = verification.verify(request("enr-1", material(CloudProvider.GCP)));

        assertThat(outcome)
                .isEqualTo(new VerificationOutcome.Deferred(
                        "enr-1",
                        new RetryTicket(1, NOW, NOW.plusSeconds(10)),
                        "JWKS of accounts.google.com unreachable"));
    }

    @Test
    void parksAParkedEnrollmentAgainWithALongerWaitWhileThePolicyAllows() {
        proofs.put(CloudProvider.GCP, material -> {
            throw new TrustSourceUnavailableException("down", null);
        });
        RetryTicket parked = new RetryTicket(1, NOW.minusSeconds(10), NOW);

        VerificationOutcome outcome = verification.verify(request("enr-1", material(CloudProvider.GCP)), parked);

        assertThat(outcome)
                .isEqualTo(new VerificationOutcome.Deferred(
                        "enr-1", new RetryTicket(2, parked.since(), NOW.plusSeconds(20)), "down"));
    }

    @Test
    void givesUpAsRetryableOnceTheTrustSourceStaysUnavailableLongerThanThePolicyWaits() {
        proofs.put(CloudProvider.GCP, material -> {
            throw new TrustSourceUnavailableException("down", null);
        });
        RetryTicket parked = new RetryTicket(40, NOW.minus(Duration.ofHours(6)), NOW);

        VerificationOutcome outcome = verification.verify(request("enr-1", material(CloudProvider.GCP)), parked);

        assertRejected(outcome, RejectionReason.TRUST_SOURCE_UNAVAILABLE);
        assertThat(((VerificationOutcome.Rejected) outcome).reason().retryable())
                .isTrue();
    }

    @Test
    void verifiesAParkedEnrollmentOnceItsTrustSourceIsBack() {
        RetryTicket parked = new RetryTicket(3, NOW.minus(Duration.ofMinutes(2)), NOW);

        assertThat(verification.verify(request("enr-1", material(CloudProvider.GCP)), parked))
                .isInstanceOf(VerificationOutcome.Verified.class);
    }

    private ProviderVerifier scriptedVerifier(CloudProvider provider) {
        return new ProviderVerifier() {
            @Override
            public CloudProvider provider() {
                return provider;
            }

            @Override
            public VerifiedClaims verify(IdentityMaterial material, Instant now) {
                return proofs.get(provider).apply(material);
            }
        };
    }

    private String issuedNonce() {
        Challenge challenge = Challenge.issue(NOW.minusSeconds(30));
        challenges.save(challenge);
        return challenge.nonce();
    }

    private IdentityMaterial material(CloudProvider provider) {
        return switch (provider) {
            case GCP -> new IdentityMaterial.GcpToken("gcp-token");
            case AZURE -> new IdentityMaterial.AzureDocument("azure-document", nonce);
            case AWS -> new IdentityMaterial.AwsDocument("aws-pkcs7", null);
            case VMWARE -> new IdentityMaterial.VmwareToken("vmware-token");
        };
    }

    /** What a provider's verifier would prove of {@code material}: its Azure nonce, a VMware token id. */
    private static VerifiedClaims proven(IdentityMaterial material, String cloudAccountId, String instanceId) {
        String signedNonce = material instanceof IdentityMaterial.AzureDocument azure ? azure.nonce() : null;
        String tokenId = material instanceof IdentityMaterial.VmwareToken ? "jti-1" : null;
        return new VerifiedClaims(
                material.provider(),
                cloudAccountId,
                instanceId,
                "web-1",
                "eu-west-1",
                null,
                Map.of(),
                NOW.plus(Duration.ofMinutes(10)),
                signedNonce,
                tokenId,
                "issuer-of-" + material.provider().wireName());
    }

    private static RequestedEnrollment request(String enrollmentId, IdentityMaterial material) {
        return requested(enrollmentId, material.provider(), material, "web-1", "ubuntu", "22.04", patchingLabels());
    }

    private static RequestedEnrollment requested(
            String enrollmentId,
            CloudProvider claimedProvider,
            IdentityMaterial material,
            String hostname,
            String osFamily,
            String osVersion,
            Map<String, String> labels) {
        return new RequestedEnrollment(
                enrollmentId,
                new EnrollmentRequest(claimedProvider, material, new HostFacts(hostname, osFamily, osVersion), labels));
    }

    private static Map<String, String> patchingLabels() {
        return Map.of("crosspatch-patching", "true", "team", "web");
    }

    private static CloudAccount account(CloudProvider provider, String cloudAccountId, Set<String> allowedGroups) {
        return new CloudAccount(
                provider.wireName(),
                cloudAccountId,
                TENANT,
                "Acme " + provider.wireName(),
                "on-time",
                "eu-west-1",
                allowedGroups,
                NOW);
    }

    private static void assertRejected(VerificationOutcome outcome, RejectionReason reason) {
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        VerificationOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
