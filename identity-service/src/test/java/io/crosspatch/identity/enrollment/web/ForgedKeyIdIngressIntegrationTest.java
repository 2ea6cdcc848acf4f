package io.crosspatch.identity.enrollment.web;

import static io.crosspatch.identity.support.Enrollments.anyGcpEnrollment;
import static io.crosspatch.identity.support.Enrollments.anyVmwareEnrollment;
import static io.crosspatch.identity.support.Enrollments.host;
import static io.crosspatch.identity.support.Enrollments.identity;
import static io.crosspatch.identity.support.Enrollments.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.crosspatch.identity.enrollment.application.UnverifiedClaims;
import io.crosspatch.identity.enrollment.domain.EnrollmentKey;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequestRules;
import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.enrollment.domain.Submission;
import io.crosspatch.identity.enrollment.persistence.EnrollmentRepository;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.verification.support.JwksRelay;
import io.crosspatch.identity.verification.support.SimulatedClouds;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.EventLog;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The review's flood at the front door: a JWT identity naming a key id its issuer certainly does not publish is
 * refused by the ingress itself ({@code 400 UNTRUSTED_SIGNER}) before anything is claimed in Cassandra or published,
 * through the real HTTP ingress with the verifier's own JWKS caches. Only "certainly": a genuine token, a key the
 * issuer rotated in (found by the refresh the verifier would make), and an issuer whose JWKS cannot be read are all
 * accepted as before, the verdict left to the verifier. Google's JWKS is served through a relay that can publish an
 * extra key; a third VMware issuer's JWKS is down from the start.
 */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.identity.public-url=http://127.0.0.1:8080",
            "crosspatch.identity.ingress.trusted-proxies=127.0.0.1/32,::1/128",
            "crosspatch.identity.verifier.jwks.refresh-interval=2s"
        })
@DirtiesContext
class ForgedKeyIdIngressIntegrationTest {

    private static final SimulatedClouds CLOUDS = SimulatedClouds.shared();
    private static final String DOWN_ORG = "vc-crosspatch-jwks-down";
    private static final JwksRelay GCP_JWKS = JwksRelay.of(CLOUDS.url(SimulatorPaths.GCP_JWKS));
    private static final JwksRelay DOWN_JWKS = JwksRelay.of(CLOUDS.url(SimulatorPaths.vmwareJwks(DOWN_ORG)));

    @LocalServerPort
    private int port;

    @Autowired
    private EnrollmentRepository enrollments;

    @Autowired
    private UnverifiedClaims unverifiedClaims;

    @DynamicPropertySource
    static void trustTheSimulatorWithGoogleThroughARelayAndAnIssuerThatIsDown(DynamicPropertyRegistry registry) {
        Map<String, String> trust = new HashMap<>(CLOUDS.trustProperties());
        trust.put("crosspatch.identity.gcp.jwks-uri", GCP_JWKS.url());
        trust.forEach((name, value) -> registry.add(name, () -> value));
        registry.add("crosspatch.identity.vmware.issuers[2].issuer", () -> issuerOf(DOWN_ORG));
        registry.add("crosspatch.identity.vmware.issuers[2].jwks-uri", DOWN_JWKS::url);
        registry.add("crosspatch.identity.vmware.issuers[2].audience", () -> SimulatedClouds.AUDIENCE);
        registry.add("crosspatch.identity.vmware.issuers[2].org-ids", () -> DOWN_ORG);
        TestJwtIssuer.trust(registry, "crosspatch.identity.admin.auth", "crosspatch-identity");
        DOWN_JWKS.stop();
    }

    @AfterAll
    static void stopRelays() {
        GCP_JWKS.close();
        DOWN_JWKS.close();
    }

    @Test
    void shouldRefuseAForgedGcpTokenWithAnUnpublishedKeyIdBeforeClaimingOrPublishingIt() throws Exception {
        Map<String, Object> body = gcpEnrollment(resigned(genuineGcpToken(), attackerKey(randomKeyId())));

        HttpResponse<String> response = newSource().postJson("/v1/enrollments", body);

        assertRefusedBeforeAnyWork(response, body);
    }

    @Test
    void shouldRefuseAForgedVmwareTokenWithAnUnpublishedKeyIdOfItsNamedIssuer() throws Exception {
        JsonNode vm = CLOUDS.createVm(
                "vmware", SimulatedClouds.VMWARE_ORG, "erp-" + randomKeyId().substring(0, 6));
        Map<String, Object> body =
                vmwareEnrollment(resigned(CLOUDS.vmwareIdentity(vm).token(), attackerKey(randomKeyId())));

        HttpResponse<String> response = newSource().postJson("/v1/enrollments", body);

        assertRefusedBeforeAnyWork(response, body);
    }

    @Test
    void shouldStillAcceptAGenuineGcpToken() {
        Map<String, Object> body = gcpEnrollment(genuineGcpToken());

        HttpResponse<String> response = newSource().postJson("/v1/enrollments", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void shouldAcceptAKeyTheIssuerRotatedInOnceItsKeysAreRefreshed() throws Exception {
        Api vm = newSource();
        assertThat(vm.postJson("/v1/enrollments", gcpEnrollment(genuineGcpToken()))
                        .statusCode())
                .isEqualTo(202);
        RSAKey rotatedIn = attackerKey("rotated-" + randomKeyId().substring(0, 8));
        Map<String, Object> body = gcpEnrollment(resigned(genuineGcpToken(), rotatedIn));
        assertThat(vm.postJson("/v1/enrollments", body).statusCode())
                .as("before Google publishes it")
                .isEqualTo(400);

        GCP_JWKS.publishAlso(rotatedIn);

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> assertThat(vm.postJson("/v1/enrollments", body).statusCode())
                                .isEqualTo(202));
    }

    @Test
    void shouldLeaveTheVerdictToTheVerifierWhenTheIssuersJwksCannotBeRead() throws Exception {
        JsonNode vm =
                CLOUDS.createVm("vmware", DOWN_ORG, "stranded-" + randomKeyId().substring(0, 6));
        Map<String, Object> body =
                vmwareEnrollment(resigned(CLOUDS.vmwareIdentity(vm).token(), attackerKey(randomKeyId())));

        HttpResponse<String> response = newSource().postJson("/v1/enrollments", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void shouldLeaveAnUnregisteredVmwareIssuerToTheVerifier() {
        HttpResponse<String> response = newSource().postJson("/v1/enrollments", anyVmwareEnrollment());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private void assertRefusedBeforeAnyWork(HttpResponse<String> response, Map<String, Object> body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Api.tree(response).get("error").asText()).isEqualTo("UNTRUSTED_SIGNER");
        String enrollmentId = enrollmentIdOf(body);
        assertThat(enrollments.find(enrollmentId)).as("row of %s", enrollmentId).isEmpty();
        String marker = (String) ((Map<?, ?>) body.get("labels")).get("case");
        assertThat(EventLog.rawValues(Topics.ENROLLMENT_REQUESTED.name()))
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(marker));
    }

    /** The id the ingress would have derived: the same rules and unverified claims it uses. */
    private String enrollmentIdOf(Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) body.get("labels");
        String provider = (String) body.get("provider");
        String token = (String) identity(body).get("token");
        Submission submission = EnrollmentRequestRules.check(
                provider,
                "vmware".equals(provider)
                        ? new IdentityMaterial.VmwareToken(token)
                        : new IdentityMaterial.GcpToken(token),
                new HostFacts((String) host(body).get("hostname"), "ubuntu", "22.04"),
                labels,
                secretOf(body));
        return EnrollmentKey.of(submission, unverifiedClaims.instanceOf(submission.request()))
                .enrollmentId();
    }

    private String genuineGcpToken() {
        JsonNode vm = CLOUDS.createVm("gcp", SimulatedClouds.anyGcpProject(), "web-1");
        return CLOUDS.gcpIdentity(vm).token();
    }

    private static Map<String, Object> gcpEnrollment(String token) {
        return marked(anyGcpEnrollment(), token);
    }

    private static Map<String, Object> vmwareEnrollment(String token) {
        return marked(anyVmwareEnrollment(), token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> marked(Map<String, Object> body, String token) {
        identity(body).put("token", token);
        ((Map<String, Object>) body.get("labels"))
                .put("case", "forged-kid-" + UUID.randomUUID().toString().substring(0, 8));
        return body;
    }

    /** A genuine token's claims and algorithm, signed by {@code key} under its key id. */
    private static String resigned(String genuine, RSAKey key) throws ParseException, JOSEException {
        SignedJWT original = SignedJWT.parse(genuine);
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), original.getJWTClaimsSet());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    private static RSAKey attackerKey(String keyId) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(keyId).generate();
    }

    private Api newSource() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Api(port, "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    private static String issuerOf(String org) {
        return "https://vcenter." + org + ".crosspatch.sim";
    }

    private static String randomKeyId() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
