package io.crosspatch.identity.verification;

import static io.crosspatch.identity.verification.support.Enrollments.anyEnrollmentId;
import static io.crosspatch.identity.verification.support.Enrollments.requested;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyAwsAccount;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyAzureSubscription;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyGcpProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.challenge.persistence.ChallengeRepository;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.verification.support.JwksRelay;
import io.crosspatch.identity.verification.support.SimulatedClouds;
import io.crosspatch.identity.verification.support.VerdictWatch;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The verifier stays available under the review's attack and through a trust source's outage, on the real broker,
 * registry and Cassandra. Everything is sent to one partition of {@code enrollment.requested}, because that is where
 * one bad record used to hold every tenant's enrollments behind it: forged GCP tokens naming key ids Google never
 * published are rejected at once ({@code UNTRUSTED_SIGNER}) after at most one JWKS refresh per interval, and a
 * VMware issuer whose JWKS endpoint is down delays only its own enrollments, which verify once it is back. The
 * GCP JWKS and the down issuer's are served through loopback relays that count the verifier's fetches (so the
 * simulator's trust properties are registered here, with those two changed, rather than by
 * {@code VerifierIntegrationTest}, whose registrations would win).
 */
@CrosspatchIntegrationTest(properties = "crosspatch.identity.public-url=http://127.0.0.1:8080")
@DirtiesContext
class VerifierAvailabilityTest {

    private static final SimulatedClouds CLOUDS = SimulatedClouds.shared();

    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(10);
    private static final String OUTAGE_ORG = "vc-crosspatch-outage";
    private static final int PARTITION = 0;
    private static final JwksRelay GCP_JWKS = JwksRelay.of(CLOUDS.url(SimulatorPaths.GCP_JWKS));
    private static final JwksRelay OUTAGE_JWKS = JwksRelay.of(CLOUDS.url(SimulatorPaths.vmwareJwks(OUTAGE_ORG)));

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private CloudAccountRepository accounts;

    @Autowired
    private ChallengeRepository challenges;

    @DynamicPropertySource
    static void trustTheSimulatorThroughCountingRelaysAndAddAnIssuerThatGoesDown(DynamicPropertyRegistry registry) {
        Map<String, String> trust = new HashMap<>(CLOUDS.trustProperties());
        trust.put("crosspatch.identity.gcp.jwks-uri", GCP_JWKS.url());
        trust.forEach((name, value) -> registry.add(name, () -> value));
        TestJwtIssuer.trust(registry, "crosspatch.identity.admin.auth", "crosspatch-identity");
        registry.add(
                "crosspatch.identity.vmware.issuers[2].issuer",
                () -> "https://vcenter." + OUTAGE_ORG + ".crosspatch.sim");
        registry.add("crosspatch.identity.vmware.issuers[2].jwks-uri", OUTAGE_JWKS::url);
        registry.add("crosspatch.identity.vmware.issuers[2].audience", () -> SimulatedClouds.AUDIENCE);
        registry.add("crosspatch.identity.vmware.issuers[2].org-id", () -> OUTAGE_ORG);
        registry.add("crosspatch.identity.verifier.jwks.refresh-interval", REFRESH_INTERVAL::toString);
        registry.add("crosspatch.identity.verifier.retry.first-delay", () -> "500ms");
        registry.add("crosspatch.identity.verifier.retry.max-delay", () -> "2s");
    }

    @AfterAll
    static void stopRelays() {
        GCP_JWKS.close();
        OUTAGE_JWKS.close();
    }

    @Test
    void forgedGcpTokensWithUnknownKeyIdsAreRejectedAtOnceAndOtherTenantsEnrollmentsBehindThemVerifyQuickly()
            throws Exception {
        CloudAccount attacked = onboard("gcp", anyGcpProject());
        JsonNode attackerVm = CLOUDS.createVm("gcp", attacked.cloudAccountId(), "victim-1");
        Map<String, EnrollmentRequested> valid = oneValidEnrollmentOfEachProvider(SimulatedClouds.VMWARE_ORG);
        List<EnrollmentRequested> forged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String token = CLOUDS.forge(attackerVm, SimulatedClouds.options().put("kid", randomKeyId()))
                    .get("token")
                    .asText();
            forged.add(requested(anyEnrollmentId(), new IdentityMaterial.GcpToken(token)));
        }
        int fetchesBefore = GCP_JWKS.fetches();

        try (VerdictWatch watch = VerdictWatch.open()) {
            Instant start = Instant.now();
            forged.forEach(this::send);
            Instant validSent = Instant.now();
            valid.values().forEach(this::send);

            Map<String, VerdictWatch.Seen> verdicts = watch.awaitVerdicts(valid.keySet(), Duration.ofSeconds(60));
            verdicts.forEach((id, seen) -> {
                assertThat(seen.verified()).as("%s: %s", id, seen.event()).isTrue();
                assertThat(Duration.between(validSent, seen.arrivedAt()))
                        .as("time to VERIFIED of %s", id)
                        .isLessThan(Duration.ofSeconds(5));
            });
            Map<String, VerdictWatch.Seen> rejections = watch.awaitVerdicts(
                    forged.stream().map(EnrollmentRequested::getEnrollmentId).toList(), Duration.ofSeconds(10));
            assertThat(rejections.values())
                    .extracting(VerdictWatch.Seen::reasonCode)
                    .containsOnly("UNTRUSTED_SIGNER");
            long intervals = Duration.between(start, Instant.now()).toMillis() / REFRESH_INTERVAL.toMillis();
            assertThat(GCP_JWKS.fetches() - fetchesBefore)
                    .as("GCP JWKS fetches during the flood")
                    .isLessThanOrEqualTo(1 + (int) intervals);
            assertThat(GCP_JWKS.fetches())
                    .as("the verifier reads the GCP JWKS through the relay")
                    .isPositive();
            assertThat(watch.deadLettered()).isEmpty();
        }
    }

    @Test
    void anIssuerWhoseJwksIsDownDelaysOnlyItsOwnEnrollmentsWhichVerifyOnceItIsBack() throws Exception {
        onboard("vmware", OUTAGE_ORG);
        JsonNode strandedVm = CLOUDS.createVm("vmware", OUTAGE_ORG, "stranded-1");
        EnrollmentRequested stranded = requested(anyEnrollmentId(), CLOUDS.vmwareIdentity(strandedVm));
        Map<String, EnrollmentRequested> others = oneValidEnrollmentOfEachProvider(SimulatedClouds.VMWARE_ES256_ORG);
        OUTAGE_JWKS.stop();

        try (VerdictWatch watch = VerdictWatch.open()) {
            send(stranded);
            Instant othersSent = Instant.now();
            others.values().forEach(this::send);

            Map<String, VerdictWatch.Seen> verdicts = watch.awaitVerdicts(others.keySet(), Duration.ofSeconds(60));
            verdicts.forEach((id, seen) -> {
                assertThat(seen.verified()).as("%s: %s", id, seen.event()).isTrue();
                assertThat(Duration.between(othersSent, seen.arrivedAt()))
                        .as("time to VERIFIED of %s", id)
                        .isLessThan(Duration.ofSeconds(5));
            });
            assertThat(watch.hasVerdict(stranded.getEnrollmentId()))
                    .as("verdict while its issuer's JWKS is down")
                    .isFalse();

            OUTAGE_JWKS.start();

            VerdictWatch.Seen recovered = watch.awaitVerdicts(
                            Set.of(stranded.getEnrollmentId()), Duration.ofSeconds(60))
                    .get(stranded.getEnrollmentId());
            assertThat(recovered.verified()).as("%s", recovered.event()).isTrue();
            Awaitility.await()
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(watch.verdictCount(stranded.getEnrollmentId()))
                            .isEqualTo(1));
            assertThat(watch.deadLettered()).isEmpty();
        }
    }

    /** Valid enrollments of four other tenants, one per provider (VMware from {@code vmwareOrg}), by enrollment id. */
    private Map<String, EnrollmentRequested> oneValidEnrollmentOfEachProvider(String vmwareOrg) {
        Map<String, EnrollmentRequested> valid = new LinkedHashMap<>();
        JsonNode gcp = CLOUDS.createVm("gcp", onboard("gcp", anyGcpProject()).cloudAccountId(), "web-1");
        JsonNode azure = CLOUDS.createVm(
                "azure", onboard("azure", anyAzureSubscription()).cloudAccountId(), "app-1");
        JsonNode aws = CLOUDS.createVm(
                "aws",
                onboard("aws", anyAwsAccount()).cloudAccountId(),
                "db-1",
                Map.of("crosspatch-patching", "true"),
                Map.of("region", "eu-west-1"));
        onboard("vmware", vmwareOrg);
        JsonNode vmware =
                CLOUDS.createVm("vmware", vmwareOrg, "erp-" + randomKeyId().substring(0, 6));
        for (IdentityMaterial identity : List.of(
                CLOUDS.gcpIdentity(gcp),
                CLOUDS.azureIdentity(azure, freshNonce()),
                CLOUDS.awsIdentity(aws),
                CLOUDS.vmwareIdentity(vmware))) {
            EnrollmentRequested request = requested(anyEnrollmentId(), identity);
            valid.put(request.getEnrollmentId(), request);
        }
        return valid;
    }

    private CloudAccount onboard(String provider, String accountId) {
        CloudAccount account = new CloudAccount(
                provider,
                accountId,
                "tenant-" + UUID.randomUUID().toString().substring(0, 8),
                "Account " + accountId,
                "on-time",
                "eu-central-1",
                Set.of(),
                Instant.now());
        accounts.save(account);
        return account;
    }

    private String freshNonce() {
        Challenge challenge = Challenge.issue(Instant.now());
        challenges.save(challenge);
        return challenge.nonce();
    }

    private void send(EnrollmentRequested request) {
        try {
            kafka.send(Topics.ENROLLMENT_REQUESTED.name(), PARTITION, request.getEnrollmentId(), request)
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + request.getEnrollmentId(), e);
        }
    }

    private static String randomKeyId() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
