package io.crosspatch.simulator.identity;

import static io.crosspatch.simulator.identity.IdentityFixtures.anyOrgId;
import static io.crosspatch.simulator.identity.IdentityFixtures.anyVmwareVm;
import static io.crosspatch.simulator.identity.IdentityFixtures.forge;
import static io.crosspatch.simulator.identity.IdentityFixtures.get;
import static io.crosspatch.simulator.identity.IdentityFixtures.json;
import static io.crosspatch.simulator.identity.IdentityFixtures.jwks;
import static io.crosspatch.simulator.identity.IdentityFixtures.ok;
import static io.crosspatch.simulator.identity.IdentityFixtures.send;
import static io.crosspatch.simulator.identity.IdentityFixtures.simulator;
import static io.crosspatch.simulator.identity.IdentityFixtures.verifyJwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** VMware guestinfo tokens: JWTs from the org's registered issuer, verifiable with the issuer's JWKS. */
class VmwareGuestInfoTokenTest {

    private static JsonNode issuer(String orgId) {
        return json(get(simulator() + SimulatorPaths.VMWARE + orgId));
    }

    private static JWTClaimsSet verify(String token, String orgId, JWSAlgorithm algorithm) throws Exception {
        JsonNode issuer = issuer(orgId);
        return verifyJwt(
                token,
                jwks(issuer.get("jwksUri").asText()),
                algorithm,
                issuer.get("issuer").asText(),
                issuer.get("audience").asText());
    }

    @Test
    void shouldPutATokenOfTheOrgsIssuerIntoGuestInfo() throws Exception {
        // given
        String orgId = anyOrgId();
        JsonNode vm = anyVmwareVm(orgId);

        // when the startup script reads guestinfo.crosspatch.token
        String token = ok(get(vm.get("guestinfoUrl").asText() + "/crosspatch.token"));

        // then it is the token handed out at creation, and verifies against the org's JWKS
        assertThat(token).isEqualTo(vm.get("token").asText());
        JWTClaimsSet claims = verify(token, orgId, JWSAlgorithm.RS256);
        assertThat(claims.getIssuer()).isEqualTo("https://vcenter." + orgId + ".crosspatch.sim");
        assertThat(claims.getAudience()).containsExactly("crosspatch");
        assertThat(claims.getSubject()).isEqualTo(vm.get("instanceId").asText()).matches("[0-9a-f-]{36}");
        assertThat(claims.getStringClaim("vcenter_id")).isEqualTo(orgId);
        assertThat(claims.getStringClaim("vm_name")).isEqualTo("db-7");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(3_600_000L);
    }

    @Test
    void shouldSignWithEs256AndTheAudienceOfAnIssuerDefinedSo() throws Exception {
        String orgId = anyOrgId();
        JsonNode defined = json(
                send(
                        "PUT",
                        simulator() + SimulatorPaths.VMWARE + orgId,
                        "{\"algorithm\":\"ES256\",\"audience\":\"crosspatch-eu\",\"issuer\":\"https://vc01.customer.example\"}"));

        String token = anyVmwareVm(orgId).get("token").asText();

        assertThat(defined.get("algorithm").asText()).isEqualTo("ES256");
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(verify(token, orgId, JWSAlgorithm.ES256).getIssuer()).isEqualTo("https://vc01.customer.example");
        assertThatThrownBy(() -> verify(token, orgId, JWSAlgorithm.RS256)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void shouldListRegisteredIssuers() {
        String orgId = anyOrgId();
        anyVmwareVm(orgId);

        JsonNode issuers = json(get(simulator() + SimulatorPaths.VMWARE_ISSUERS));

        assertThat(issuers.findValuesAsText("orgId")).contains(orgId);
        assertThat(issuers.findValuesAsText("jwksUri")).contains(simulator() + "/_sim/trust/vmware/" + orgId + "/jwks");
    }

    @Test
    void shouldReMintAFreshTokenWithANewJti() throws Exception {
        String orgId = anyOrgId();
        JsonNode vm = anyVmwareVm(orgId);

        String fresh = json(send(
                        "POST",
                        simulator() + SimulatorPaths.VMS + "/" + vm.get("vmId").asText() + "/vmware-token",
                        ""))
                .get("token")
                .asText();

        assertThat(verify(fresh, orgId, JWSAlgorithm.RS256).getJWTID())
                .isNotEqualTo(verify(vm.get("token").asText(), orgId, JWSAlgorithm.RS256)
                        .getJWTID());
        assertThat(ok(get(vm.get("guestinfoUrl").asText() + "/crosspatch.token")))
                .isEqualTo(fresh);
    }

    @Test
    void shouldRejectTokensOfAForeignKeyOrAnotherOrgsIssuer() {
        String orgId = anyOrgId();
        JsonNode vm = anyVmwareVm(orgId);
        String otherOrgsToken = anyVmwareVm(anyOrgId()).get("token").asText();

        String foreign = forge("vmware", "{\"vmId\":\"" + vm.get("vmId").asText() + "\",\"signer\":\"foreign\"}")
                .get("token")
                .asText();

        assertThatThrownBy(() -> verify(foreign, orgId, JWSAlgorithm.RS256)).isInstanceOf(BadJOSEException.class);
        assertThatThrownBy(() -> verify(otherOrgsToken, orgId, JWSAlgorithm.RS256))
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void shouldForgeTrustedTokensWithClaimsTheClaimsCheckRefuses() {
        String orgId = anyOrgId();
        String vmId = anyVmwareVm(orgId).get("vmId").asText();

        String notYetValid = forge("vmware", "{\"vmId\":\"" + vmId + "\",\"issuedAtOffsetSeconds\":3600}")
                .get("token")
                .asText();
        String wrongAudience = forge("vmware", "{\"vmId\":\"" + vmId + "\",\"claims\":{\"aud\":\"someone-else\"}}")
                .get("token")
                .asText();

        assertThatThrownBy(() -> verify(notYetValid, orgId, JWSAlgorithm.RS256))
                .hasMessageContaining("before use time");
        assertThatThrownBy(() -> verify(wrongAudience, orgId, JWSAlgorithm.RS256))
                .hasMessageContaining("aud claim rejected");
    }

    @Test
    void shouldAnswerVmtoolsdInfoGetThroughTheStandIn() throws Exception {
        File vmtoolsd = new File("src/main/dist/vmtoolsd");
        assumeThat(new File("/usr/bin/curl")).exists();
        JsonNode vm = anyVmwareVm(anyOrgId());

        String token = run(vmtoolsd, vm, "info-get guestinfo.crosspatch.token");
        String missing = run(vmtoolsd, vm, "info-get guestinfo.absent");

        assertThat(token).isEqualTo(vm.get("token").asText() + "\n");
        assertThat(missing).isEqualTo("exit 1: No value found\n");
    }

    private static String run(File vmtoolsd, JsonNode vm, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", vmtoolsd.getPath(), "--cmd", command);
        builder.environment()
                .put("CROSSPATCH_VMWARE_GUESTINFO_URL", vm.get("guestinfoUrl").asText());
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? out : "exit " + process.exitValue() + ": " + err;
    }
}
