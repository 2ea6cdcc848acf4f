package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.AgentRegistrationTest.filter;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.simulator.SharedSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** The stand-in {@code amazon-ssm-agent} script registers a host the way the real agent's {@code -register} does. */
class AmazonSsmAgentScriptTest {

    private static final Path SCRIPT = Path.of("src/main/dist/amazon-ssm-agent");
    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @TempDir
    Path home;

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void registersTheHostWritesTheRegistrationAndCanBeDeregistered() throws Exception {
        // given
        CreateActivationResponse activation = activation(ssm, 1, tag("Patch Group", "late"));
        String hostname = unique("rhel-host");
        Path registration = home.resolve("ssm/registration");

        // when
        Run run = agent(
                registration,
                Map.of(
                        "CROSSPATCH_SIM_HOSTNAME",
                        hostname,
                        "CROSSPATCH_SIM_PLATFORM_NAME",
                        "Red Hat Enterprise Linux",
                        "CROSSPATCH_SIM_PLATFORM_VERSION",
                        "9.3",
                        "CROSSPATCH_SIM_IP_ADDRESS",
                        "192.0.2.10"),
                "-register",
                "-code",
                activation.activationCode(),
                "-id",
                activation.activationId(),
                "-region",
                SsmFixtures.REGION,
                "-y");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        InstanceInformation node = ssm.describeInstanceInformation(
                        r -> r.filters(filter("ActivationIds", activation.activationId())))
                .instanceInformationList()
                .get(0);
        assertThat(run.output())
                .contains("Successfully registered the instance with AWS SSM using Managed instance-id: "
                        + node.instanceId());
        assertThat(Files.readString(registration)).contains("\"ManagedInstanceID\":\"" + node.instanceId() + "\"");
        assertThat(node.computerName()).isEqualTo(hostname);
        assertThat(node.ipAddress()).isEqualTo("192.0.2.10");
        assertThat(node.platformName()).isEqualTo("Red Hat Enterprise Linux");
        assertThat(node.platformVersion()).isEqualTo("9.3");
        assertThat(ssm.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                                .resourceId(node.instanceId()))
                        .tagList())
                .containsExactly(tag("Patch Group", "late"));

        ssm.deregisterManagedInstance(r -> r.instanceId(node.instanceId()));
        assertThat(ssm.describeInstanceInformation(r -> r.filters(filter("ActivationIds", activation.activationId())))
                        .instanceInformationList())
                .isEmpty();
    }

    @Test
    void readsThePlatformFromOsRelease() throws Exception {
        CreateActivationResponse activation = activation(ssm, 1);
        Path osRelease = home.resolve("os-release");
        Files.writeString(
                osRelease,
                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
                        + "VERSION_ID=\"12\"\nID=debian\n");

        Run run = agent(
                home.resolve("registration"),
                Map.of("CROSSPATCH_SIM_OS_RELEASE", osRelease.toString()),
                "-register",
                "-code",
                activation.activationCode(),
                "-id",
                activation.activationId(),
                "-region",
                SsmFixtures.REGION);

        assertThat(run.exitCode()).as(run.output()).isZero();
        String instanceId = ssm.describeInstanceInformation(
                        r -> r.filters(filter("ActivationIds", activation.activationId())))
                .instanceInformationList()
                .get(0)
                .instanceId();
        SsmRegionState region = SharedSimulator.get()
                .module(SsmModule.class)
                .state()
                .region(SsmFixtures.MANAGEMENT_ACCOUNT, SsmFixtures.REGION);
        assertThat(region.node(instanceId).orElseThrow().operatingSystem()).isEqualTo(OperatingSystem.DEBIAN);
        assertThat(region.node(instanceId).orElseThrow().platformVersion()).isEqualTo("12");
    }

    @Test
    void failsWithSsmsErrorForAWrongCodeAndWritesNoRegistration() throws Exception {
        CreateActivationResponse activation = activation(ssm, 1);
        Path registration = home.resolve("registration");

        Run run = agent(
                registration,
                Map.of("CROSSPATCH_SIM_PLATFORM_NAME", "Ubuntu"),
                "-register",
                "-code",
                "AAAAAAAAAAAAAAAAAAAA",
                "-id",
                activation.activationId(),
                "-region",
                SsmFixtures.REGION);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("InvalidActivation");
        assertThat(registration).doesNotExist();
    }

    @Test
    void refusesToRegisterAgainWithoutYesAndExplainsItsUsage() throws Exception {
        Path registration = home.resolve("registration");
        Files.writeString(registration, "{\"ManagedInstanceID\":\"mi-00000000000000000\"}");

        Run again = agent(registration, Map.of(), "-register", "-code", "x", "-id", "y", "-region", SsmFixtures.REGION);
        Run usage = agent(registration, Map.of(), "-code", "x");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("already registered");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("usage: amazon-ssm-agent -register");
    }

    private static Run agent(Path registrationFile, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put("CROSSPATCH_SIM_ENDPOINT", SharedSimulator.endpoint().toString());
        builder.environment().put("CROSSPATCH_SIM_REGISTRATION_FILE", registrationFile.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("amazon-ssm-agent did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {}
}
