package io.crosspatch.simulator.identity;

import static io.crosspatch.simulator.identity.IdentityFixtures.anyGcpVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.createVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.foreignSimulator;
import static io.crosspatch.simulator.identity.IdentityFixtures.forge;
import static io.crosspatch.simulator.identity.IdentityFixtures.get;
import static io.crosspatch.simulator.identity.IdentityFixtures.jwks;
import static io.crosspatch.simulator.identity.IdentityFixtures.ok;
import static io.crosspatch.simulator.identity.IdentityFixtures.simulator;
import static io.crosspatch.simulator.identity.IdentityFixtures.verifyJwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GCP's metadata-server identity token: a real RS256 JWT verifiable against the published JWKS, and nothing else. */
class GcpIdentityTokenTest {

    private static final String AUDIENCE = "https://crosspatch.example/enroll";
    private static final String ISSUER = "https://accounts.google.com";

    private static String identityUrl(JsonNode vm) {
        return vm.get("metadataBaseUrl").asText()
                + "/computeMetadata/v1/instance/service-accounts/default/identity?audience=" + AUDIENCE
                + "&format=full";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> computeEngine(JWTClaimsSet claims) throws Exception {
        return (Map<String, Object>) claims.getJSONObjectClaim("google").get("compute_engine");
    }

    private static String gcpJwks() {
        return simulator() + SimulatorPaths.GCP_JWKS;
    }

    @Test
    void shouldIssueFullFormatTokenThatVerifiesAgainstPublishedJwks() throws Exception {
        // given
        JsonNode vm = anyGcpVm();

        // when
        String token = ok(get(identityUrl(vm), "Metadata-Flavor", "Google"));

        // then
        JWTClaimsSet claims = verifyJwt(token, jwks(gcpJwks()), JWSAlgorithm.RS256, ISSUER, AUDIENCE);
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(3600));
        assertThat(claims.getStringClaim("azp")).isEqualTo(claims.getSubject()).matches("[1-9][0-9]{20}");
        assertThat(computeEngine(claims))
                .containsEntry("project_id", vm.get("accountId").asText())
                .containsEntry("project_number", vm.get("projectNumber").asLong())
                .containsEntry("zone", "europe-west1-b")
                .containsEntry("instance_id", vm.get("instanceId").asText())
                .containsEntry("instance_name", "web-1")
                .containsEntry(
                        "instance_creation_timestamp",
                        Instant.parse(vm.get("createdAt").asText()).getEpochSecond())
                .doesNotContainKey("license_id");
    }

    @Test
    void shouldSignWithOneOfSeveralPublishedKeysNamedByKid() throws Exception {
        String token = ok(get(identityUrl(anyGcpVm()), "Metadata-Flavor", "Google"));

        assertThat(jwks(gcpJwks()).getKeys())
                .hasSize(2)
                .anySatisfy(key -> assertThat(key.getKeyID())
                        .isEqualTo(SignedJWT.parse(token).getHeader().getKeyID()))
                .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void shouldIncludeLicensesOnlyWhenAsked() throws Exception {
        String token = ok(get(identityUrl(anyGcpVm()) + "&licenses=TRUE", "Metadata-Flavor", "Google"));

        assertThat(computeEngine(SignedJWT.parse(token).getJWTClaimsSet())).containsKey("license_id");
    }

    @Test
    void shouldRefuseRequestWithoutMetadataFlavorHeaderAsGcpDoes() {
        JsonNode vm = anyGcpVm();

        HttpResponse<String> missing = get(identityUrl(vm));
        HttpResponse<String> proxied =
                get(identityUrl(vm), "Metadata-Flavor", "Google", "X-Forwarded-For", "203.0.113.9");

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("Missing Metadata-Flavor:Google header");
        assertThat(proxied.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRequireAnAudience() {
        String url = anyGcpVm().get("metadataBaseUrl").asText()
                + "/computeMetadata/v1/instance/service-accounts/default/identity";

        HttpResponse<String> response = get(url + "?format=full", "Metadata-Flavor", "Google");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("audience");
    }

    @Test
    void shouldServeInstanceMetadataAndCustomAttributes() {
        JsonNode vm = anyGcpVm();
        String base = vm.get("metadataBaseUrl").asText() + "/computeMetadata/v1";

        assertThat(ok(get(base + "/instance/id", "Metadata-Flavor", "Google")))
                .isEqualTo(vm.get("instanceId").asText());
        assertThat(ok(get(base + "/instance/zone", "Metadata-Flavor", "Google")))
                .isEqualTo("projects/" + vm.get("projectNumber").asText() + "/zones/europe-west1-b");
        assertThat(ok(get(base + "/instance/hostname", "Metadata-Flavor", "Google")))
                .isEqualTo("web-1.europe-west1-b.c." + vm.get("accountId").asText() + ".internal");
        assertThat(ok(get(base + "/instance/attributes/crosspatch-patching", "Metadata-Flavor", "Google")))
                .isEqualTo("true");
        assertThat(get(base + "/instance/attributes/absent", "Metadata-Flavor", "Google")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldGiveEveryVmOfAProjectTheSameProjectNumber() {
        String project = IdentityFixtures.anyProjectId();
        String body = "{\"provider\":\"gcp\",\"accountId\":\"" + project + "\",\"instanceName\":\"web-%d\"}";

        JsonNode first = createVm(simulator(), body.formatted(1));
        JsonNode second = createVm(simulator(), body.formatted(2));

        assertThat(first.get("projectNumber").asText())
                .matches("[1-9][0-9]{11}")
                .isEqualTo(second.get("projectNumber").asText());
        assertThat(first.get("instanceId")).isNotEqualTo(second.get("instanceId"));
    }

    @Test
    void shouldRejectTokenOfAnotherSimulatorAgainstThisJwks() throws Exception {
        // given a token from a GCP that identity-service does not trust
        JsonNode foreignVm = createVm(
                foreignSimulator().endpoint().toString(),
                "{\"provider\":\"gcp\",\"accountId\":\"attacker-project\",\"instanceName\":\"web-1\"}");
        String token = ok(get(identityUrl(foreignVm), "Metadata-Flavor", "Google"));

        // then it does not verify against the trusted JWKS
        assertThatThrownBy(() -> verifyJwt(token, jwks(gcpJwks()), JWSAlgorithm.RS256, ISSUER, AUDIENCE))
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void shouldRejectForgedTokenSignedByForeignKeyWithTrustedKid() throws Exception {
        JsonNode vm = anyGcpVm();
        String trusted = ok(get(identityUrl(vm), "Metadata-Flavor", "Google"));

        String forged = forge(
                        "gcp",
                        "{\"vmId\":\"" + vm.get("vmId").asText() + "\",\"audience\":\"" + AUDIENCE
                                + "\",\"signer\":\"foreign\"}")
                .get("token")
                .asText();

        assertThat(SignedJWT.parse(forged).getHeader().getKeyID())
                .isEqualTo(SignedJWT.parse(trusted).getHeader().getKeyID());
        assertThatThrownBy(() -> verifyJwt(forged, jwks(gcpJwks()), JWSAlgorithm.RS256, ISSUER, AUDIENCE))
                .isInstanceOf(BadJOSEException.class)
                .hasMessageContaining("Signed JWT rejected");
    }

    @Test
    void shouldMakeTrustedTokensWithChosenClaimsThatTheClaimsCheckRefuses() throws Exception {
        JsonNode vm = anyGcpVm();
        String vmId = vm.get("vmId").asText();

        String expired = forge(
                        "gcp",
                        "{\"vmId\":\"" + vmId + "\",\"audience\":\"" + AUDIENCE + "\",\"issuedAtOffsetSeconds\":-7200}")
                .get("token")
                .asText();
        String otherAudience = forge("gcp", "{\"vmId\":\"" + vmId + "\",\"audience\":\"https://elsewhere.example\"}")
                .get("token")
                .asText();
        String longLived = forge(
                        "gcp",
                        "{\"vmId\":\"" + vmId + "\",\"audience\":\"" + AUDIENCE + "\",\"lifetimeSeconds\":864000}")
                .get("token")
                .asText();
        String noProject = forge(
                        "gcp",
                        "{\"vmId\":\"" + vmId + "\",\"audience\":\"" + AUDIENCE
                                + "\",\"claims\":{\"google\":{\"compute_engine\":{\"instance_id\":\"1\"}}}}")
                .get("token")
                .asText();

        assertThatThrownBy(() -> verifyJwt(expired, jwks(gcpJwks()), JWSAlgorithm.RS256, ISSUER, AUDIENCE))
                .hasMessageContaining("Expired");
        assertThatThrownBy(() -> verifyJwt(otherAudience, jwks(gcpJwks()), JWSAlgorithm.RS256, ISSUER, AUDIENCE))
                .hasMessageContaining("aud claim rejected");
        JWTClaimsSet longClaims = verifyJwt(longLived, jwks(gcpJwks()), JWSAlgorithm.RS256, ISSUER, AUDIENCE);
        assertThat(longClaims.getExpirationTime().getTime()
                        - longClaims.getIssueTime().getTime())
                .isEqualTo(864_000_000L);
        assertThat(computeEngine(verifyJwt(noProject, jwks(gcpJwks()), JWSAlgorithm.RS256, ISSUER, AUDIENCE)))
                .containsOnlyKeys("instance_id");
    }
}
