package io.crosspatch.identity.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.identity.bootstrap.domain.PublicUrl;
import io.crosspatch.identity.bootstrap.domain.StartupScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The startup script's own checks. That it really enrolls a VM on each of the four clouds and registers the agent
 * is proven end to end (launcher's WholePlatformEndToEndTest runs it against the simulator's metadata services).
 * The hostile cases run it with bash against a {@link HostileServer}: a stubbed {@code curl} that answers as a
 * compromised or impersonated Crosspatch would, and records every URL the script asks for. The rerun cases run it
 * as a reboot would, on a host that already enrolled (and, as they need, an SSM Agent stand-in that records its
 * registrations): a host that is done costs one status request; one whose enrollment is gone enrolls afresh.
 */
class StartupScriptTest {

    private static final Path SCRIPT = Path.of("src", "main", "resources", "bootstrap", "linux.sh");
    private static final String ACTIVATION_ID = "0c9f2a3e-5b1d-4c7e-9a8b-1d2e3f4a5b6c";
    private static final String ACTIVATION_CODE = "Cg3L4F0s5+oE7WQ8Dv2z";
    private static final String LOCAL_INSTANCE = "mi-0123456789abcdef0";
    private static final String FRESH_ENROLLMENT_ID = "enr-fedcba9876543210fedcba9876543210";

    @TempDir
    Path home;

    @Test
    void isCleanUnderShellcheck() throws Exception {
        Process shellcheck = new ProcessBuilder("shellcheck", "--severity=style", SCRIPT.toString())
                .redirectErrorStream(true)
                .start();
        String findings = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shellcheck.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shellcheck.exitValue()).as(findings).isZero();
    }

    @Test
    void fillsInTheServerAndAudienceThatArePlainUrls() throws IOException {
        String script = new StartupScript(template())
                .render(
                        new PublicUrl("https://crosspatch.example.com/"),
                        Optional.of("https://crosspatch.example.com/gcp"));
        assertThat(script)
                .contains("readonly DEFAULT_SERVER=\"https://crosspatch.example.com\"")
                .contains("readonly DEFAULT_GCP_AUDIENCE=\"https://crosspatch.example.com/gcp\"");
    }

    @Test
    void leavesTheAudiencePlaceholderRatherThanInjectShell() throws IOException {
        String script = new StartupScript(template())
                .render(new PublicUrl("https://crosspatch.example.com"), Optional.of("x\"$(touch /tmp/pwned)\""));
        assertThat(script)
                .doesNotContain("pwned")
                .contains("readonly DEFAULT_GCP_AUDIENCE=\"@CROSSPATCH_GCP_AUDIENCE@\"");
    }

    @Test
    void refusesAPublicUrlThatCarriesShell() {
        assertThatThrownBy(() -> new PublicUrl("https://evil\"$(touch /tmp/pwned)\""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToEnrollWithoutAServerAndSaysHow() throws Exception {
        Process run = new ProcessBuilder("bash", SCRIPT.toString(), "--provider", "gcp")
                .redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(2);
        assertThat(output).contains("no Crosspatch server: pass --server URL or set CROSSPATCH_URL");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://crosspatch.example.com",
                "http://10.0.0.5:8080",
                "http://127.0.0.1.evil.example",
                "ftp://crosspatch.example.com",
                "https://crosspatch.example.com\"$(id)\""
            })
    void refusesAServerThatIsNotHttpsUnlessItIsLoopback(String server) throws Exception {
        HostileServer fake = HostileServer.in(home).answeringStatus(activation("eu-west-1"));

        HostileServer.Run run = fake.runScript(SCRIPT, "--server", server, "--provider", "vmware");

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("https");
        assertThat(fake.requestedUrls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080",
                "http://localhost:8080",
                "http://[::1]:8080",
                "https://crosspatch.example.com"
            })
    void acceptsHttpsOrPlainHttpToLoopback(String server) throws Exception {
        HostileServer fake = HostileServer.in(home).answeringStatus(activation("eu-west-1"));

        HostileServer.Run run = fake.runScript(SCRIPT, "--server", server, "--provider", "vmware");

        assertThat(fake.requestedUrls())
                .as(run.output())
                .contains(server + "/v1/enrollments/" + HostileServer.ENROLLMENT_ID);
    }

    @Test
    void fetchesTheAgentPackageOfTheRegionAWellFormedActivationNames() throws Exception {
        HostileServer fake = HostileServer.in(home).answeringStatus(activation("eu-west-1"));

        HostileServer.Run run =
                fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com", "--provider", "vmware");

        assertThat(fake.requestedUrls())
                .as(run.output())
                .contains("https://s3.eu-west-1.amazonaws.com/amazon-ssm-eu-west-1/latest/debian_"
                        + HostileServer.debArch() + "/amazon-ssm-agent.deb");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "us-east-1/../../evil",
                "attacker.example/x#",
                "$(touch @MARKER@)",
                "us-east-1 evil",
                "`touch @MARKER@`",
                "eu-west-1\\n",
                ""
            })
    void refusesAnActivationRegionThatIsNotARegionAndFetchesNothing(String region) throws Exception {
        HostileServer fake = HostileServer.in(home);
        fake.answeringStatus(activation(region.replace("@MARKER@", fake.marker().toString())));

        HostileServer.Run run =
                fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com", "--provider", "vmware");

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(7);
        assertThat(run.output()).contains("region");
        assertThat(fake.requestedUrls()).noneMatch(url -> url.contains("amazonaws") || url.contains("attacker"));
        assertThat(fake.marker()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"status\":\"ACTIVATION_ISSUED\",\"activationId\":\"../../x\",\"activationCode\":\"Cg3L4F0s5+oE7WQ8Dv2z\",\"region\":\"eu-west-1\"}",
                "{\"status\":\"ACTIVATION_ISSUED\",\"activationId\":\"0c9f2a3e-5b1d-4c7e-9a8b-1d2e3f4a5b6c\",\"activationCode\":\"-register $(id)\",\"region\":\"eu-west-1\"}",
                "{\"status\":\"ACTIVATION_ISSUED\",\"activationId\":\"0c9f2a3e-5b1d-4c7e-9a8b-1d2e3f4a5b6c\",\"activationCode\":\"short\",\"region\":\"eu-west-1\"}",
                "{\"status\":\"$(id)\"}"
            })
    void refusesAnActivationWhoseIdCodeOrStatusIsMalformed(String answer) throws Exception {
        HostileServer fake = HostileServer.in(home).answeringStatus(answer);

        HostileServer.Run run =
                fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com", "--provider", "vmware");

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(7);
        assertThat(fake.requestedUrls()).noneMatch(url -> url.contains("amazonaws"));
    }

    @Test
    void refusesAnEnrollmentIdThatIsNotOneAndRemembersNothing() throws Exception {
        HostileServer fake = HostileServer.in(home)
                .withoutKeptEnrollment()
                .answeringEnrollment("{\"enrollmentId\":\"../admin/tenants\"}");

        HostileServer.Run run =
                fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com", "--provider", "vmware");

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(7);
        assertThat(run.output()).contains("enrollment id");
        assertThat(fake.requestedUrls()).containsExactly("https://crosspatch.example.com/v1/enrollments");
        assertThat(fake.keptEnrollmentId()).doesNotExist();
    }

    @Test
    void explainsAnIdentityRefusedForAnUnpublishedSigningKeyAndDoesNotRetryIt() throws Exception {
        HostileServer fake = HostileServer.in(home)
                .withoutKeptEnrollment()
                .answeringEnrollment(
                        400,
                        "{\"error\":\"UNTRUSTED_SIGNER\",\"message\":\"the identity is signed with a key its issuer does not publish\"}");

        HostileServer.Run run =
                fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com", "--provider", "vmware");

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(3);
        assertThat(run.output())
                .contains("enrollment rejected (UNTRUSTED_SIGNER)")
                .contains("not signed by a key its cloud publishes");
        assertThat(fake.requestedUrls()).containsExactly("https://crosspatch.example.com/v1/enrollments");
        assertThat(fake.keptEnrollmentId()).doesNotExist();
    }

    @Test
    void aRerunOnAHostRegisteredAsItsEnrollmentSaysExitsAfterOneStatusRequestAndRegistersNothing() throws Exception {
        // given a host whose agent is registered as the managed instance its kept enrollment names
        HostileServer fake = HostileServer.in(home)
                .withAgentRegisteredAs(LOCAL_INSTANCE)
                .answeringStatus(registered(LOCAL_INSTANCE));
        String secret = fake.keptSecret();
        String registration = Files.readString(fake.registrationFile());

        // when the startup script runs again (a reboot), without even being told its provider
        HostileServer.Run run = fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com");

        // then one status request and nothing else: no metadata, no enrollment, no registration
        assertThat(run.exitStatus()).as(run.output()).isZero();
        assertThat(run.output()).contains("already registered with SSM as " + LOCAL_INSTANCE);
        assertThat(fake.requestedUrls())
                .containsExactly("https://crosspatch.example.com/v1/enrollments/" + HostileServer.ENROLLMENT_ID);
        assertThat(fake.metadataReads()).isEmpty();
        assertThat(fake.agentRegistrations()).isEmpty();
        assertThat(Files.readString(fake.registrationFile())).isEqualTo(registration);
        assertThat(fake.keptSecret()).isEqualTo(secret);
        assertThat(run.output()).doesNotContain(secret).doesNotContain(ACTIVATION_CODE);
    }

    @Test
    void aRebootBeforeCrosspatchSawTheRegistrationDoesNotSpendTheActivationAgain() throws Exception {
        // given an agent this script registered with the activation Crosspatch still shows as issued
        HostileServer fake = HostileServer.in(home)
                .withAgentRegisteredAs(LOCAL_INSTANCE)
                .withAgentRegisteredBeforeWith(ACTIVATION_ID)
                .answeringStatus(activation("eu-west-1"));

        // when
        HostileServer.Run run = fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com");

        // then
        assertThat(run.exitStatus()).as(run.output()).isZero();
        assertThat(fake.requestedUrls())
                .containsExactly("https://crosspatch.example.com/v1/enrollments/" + HostileServer.ENROLLMENT_ID);
        assertThat(fake.agentRegistrations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mi-0aaaaaaaaaaaaaaaa", ""})
    void aRerunWhoseEnrollmentIsRegisteredAsAnotherInstanceEnrollsAfreshWithANewSecret(String localInstance)
            throws Exception {
        // given an enrollment REGISTERED as an instance that is not the one the local agent is registered as (or
        // an agent with no registration at all)
        HostileServer fake = HostileServer.in(home).answeringStatus(registered("mi-0bbbbbbbbbbbbbbbb"));
        if (localInstance.isEmpty()) {
            fake.withAgentInstalled();
        } else {
            fake.withAgentRegisteredAs(localInstance);
        }

        // when / then
        assertEnrollsAfreshAndRegisters(fake);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "200 {\"status\":\"FAILED\",\"reason\":\"ACTIVATION_EXPIRED\"}",
                "200 {\"status\":\"REJECTED\",\"reason\":\"ACCOUNT_NOT_ONBOARDED\"}",
                "200 {\"status\":\"RETIRED\",\"reason\":\"CONNECTION_LOST\"}",
                "404 {\"error\":\"NOT_FOUND\",\"message\":\"no such enrollment\"}"
            })
    void aRerunAfterItsEnrollmentFailedOrVanishedEnrollsAfreshWithANewSecret(String answer) throws Exception {
        // given a registered agent whose kept enrollment failed, was rejected, was retired, or expired from Crosspatch
        HostileServer fake = HostileServer.in(home)
                .withAgentRegisteredAs(LOCAL_INSTANCE)
                .answeringStatusOf(
                        HostileServer.ENROLLMENT_ID, Integer.parseInt(answer.substring(0, 3)), answer.substring(4));

        // when / then
        assertEnrollsAfreshAndRegisters(fake);
    }

    @Test
    void refusesAMalformedManagedInstanceIdOnARerun() throws Exception {
        HostileServer fake =
                HostileServer.in(home).withAgentRegisteredAs(LOCAL_INSTANCE).answeringStatus(registered("mi-$(id)"));

        HostileServer.Run run = fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com");

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(7);
        assertThat(run.output()).contains("managed instance id");
        assertThat(fake.agentRegistrations()).isEmpty();
    }

    /** Runs the script on a host whose kept enrollment is no good: it must make a new one and register with it. */
    private void assertEnrollsAfreshAndRegisters(HostileServer fake) throws Exception {
        String oldSecret = fake.keptSecret();
        fake.answeringEnrollment("{\"enrollmentId\":\"" + FRESH_ENROLLMENT_ID + "\",\"status\":\"PENDING\"}")
                .answeringStatusOf(FRESH_ENROLLMENT_ID, 200, activation("eu-west-1"));

        HostileServer.Run run =
                fake.runScript(SCRIPT, "--server", "https://crosspatch.example.com", "--provider", "vmware");

        assertThat(run.exitStatus()).as(run.output()).isZero();
        assertThat(fake.requestedUrls())
                .containsExactly(
                        "https://crosspatch.example.com/v1/enrollments/" + HostileServer.ENROLLMENT_ID,
                        "https://crosspatch.example.com/v1/enrollments",
                        "https://crosspatch.example.com/v1/enrollments/" + FRESH_ENROLLMENT_ID);
        assertThat(fake.agentRegistrations()).containsExactly(ACTIVATION_ID);
        assertThat(Files.readString(fake.registrationFile())).contains("mi-0fedcba9876543210");
        assertThat(Files.readString(fake.keptEnrollmentId()).strip()).isEqualTo(FRESH_ENROLLMENT_ID);
        assertThat(fake.keptSecret()).isNotEqualTo(oldSecret).matches("[A-Za-z0-9_-]{43}");
        assertThat(run.output())
                .contains("enrolling afresh")
                .doesNotContain(oldSecret)
                .doesNotContain(fake.keptSecret());
    }

    private static String registered(String managedInstanceId) {
        return "{\"status\":\"REGISTERED\",\"activationId\":\"" + ACTIVATION_ID + "\",\"activationCode\":\""
                + ACTIVATION_CODE + "\",\"region\":\"eu-west-1\",\"managedInstanceId\":\"" + managedInstanceId
                + "\"}";
    }

    private static String activation(String region) {
        return "{\"status\":\"ACTIVATION_ISSUED\",\"activationId\":\"" + ACTIVATION_ID + "\"," + "\"activationCode\":\""
                + ACTIVATION_CODE + "\",\"region\":\"" + region + "\"}";
    }

    private static String template() throws IOException {
        return Files.readString(SCRIPT);
    }
}
