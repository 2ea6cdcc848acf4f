package io.crosspatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.DemoFleet;
import io.crosspatch.launcher.fleet.DemoTenants;
import io.crosspatch.launcher.fleet.FleetOs;
import io.crosspatch.launcher.fleet.FleetVm;
import io.crosspatch.launcher.fleet.StartupScriptRunner;
import io.crosspatch.testbed.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local platform keeps enrolling after its demo. The demo's month moves the simulator's clock — the clock SSM
 * checks an activation's expiry against — 31 days ahead of the wall clock; a VM enrolled afterwards, as a user tries
 * one with the printed {@code curl … | sudo bash} line, must still register. Here: a small demo fleet enrolled, the
 * demo's month played, then one new Linux VM per provider enrolled through the real {@code linux.sh} (the path the
 * demo runs it by), each expected REGISTERED with an activation the simulated SSM accepted on its moved clock.
 */
class EnrollmentAfterTheDemoTest {

    private static final Duration ENROLLMENT_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration ACTIVATION_VALIDITY = Duration.ofHours(24);
    private static final List<String> PROVIDERS = List.of("gcp", "azure", "aws", "vmware");

    private static Platform platform;
    private static DemoFleet fleet;
    private static Instant endOfMonth;
    private static List<FleetVm> enrolledAfterTheMonth;

    @BeforeAll
    static void enrollAFleetThenPlayTheDemosMonthThenEnrollOneVmPerProvider() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        platform = Platform.start(new Platform.Options(
                root,
                Path.of("target", "after-demo").toAbsolutePath(),
                FreePorts.take(),
                PortBlocks.free(LocalService.values().length),
                Duration.ofSeconds(5)));
        fleet = new DemoFleet(platform);
        fleet.onboard();
        List<FleetVm> demo = fleet.createVms(DemoTenants.ACCOUNTS.size(), 11);
        fleet.enrollAll(demo, 8, 0, ENROLLMENT_TIMEOUT);
        assertThat(demo)
                .as("the demo fleet before its month, stages %s", fleet.stageCounts())
                .allSatisfy(vm -> assertThat(fleet.stages()).containsEntry(vm.vmId(), "REGISTERED"));

        fleet.playMonth(Duration.ZERO);
        endOfMonth = platform.simulatorControl().now();
        assertThat(endOfMonth)
                .as("the simulator's clock after the demo's month")
                .isAfter(Instant.now().plus(Duration.ofDays(DemoFleet.MONTH_DAYS - 1)));

        enrolledAfterTheMonth = new ArrayList<>();
        for (String provider : PROVIDERS) {
            CloudAccountSpec account = DemoTenants.ACCOUNTS.stream()
                    .filter(candidate -> candidate.provider().equals(provider))
                    .findFirst()
                    .orElseThrow();
            enrolledAfterTheMonth.add(
                    fleet.createVm(account, FleetOs.UBUNTU, "on-time", account.tenantId() + "-after-demo-" + provider));
        }
        fleet.enrollAll(enrolledAfterTheMonth, PROVIDERS.size(), 1, ENROLLMENT_TIMEOUT);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aVmOfEachProviderEnrolledAfterTheMonthRegistersThroughTheRealStartupScript() {
        Map<String, StartupScriptRunner.Outcome> scripted = fleet.scriptOutcomes();
        for (FleetVm vm : enrolledAfterTheMonth) {
            StartupScriptRunner.Outcome outcome = scripted.get(vm.vmId());
            assertThat(outcome).as("linux.sh ran for %s", vm.account().key()).isNotNull();
            assertThat(outcome.exitStatus())
                    .as("linux.sh on %s:%n%s", vm.account().key(), outcome.output())
                    .isZero();
            assertThat(outcome.registration())
                    .as("the agent's registration on %s", vm.account().key())
                    .contains("\"ManagedInstanceID\":\"mi-");
            assertThat(fleet.stages())
                    .as("%s, stages %s", vm.account().key(), fleet.stageCounts())
                    .containsEntry(vm.vmId(), "REGISTERED");
        }
    }

    @Test
    void theSimulatedSsmAcceptedEachActivationOnItsOwnMovedClock() {
        Map<String, JsonNode> activations = activationsByEnrollment();
        for (FleetVm vm : enrolledAfterTheMonth) {
            String enrollmentId = Objects.requireNonNull(
                            fleet.scriptOutcomes().get(vm.vmId()), vm.account().key())
                    .enrollmentId();
            JsonNode activation = activations.get(enrollmentId);
            assertThat(activation)
                    .as(
                            "the activation of %s (%s) in the simulator",
                            vm.account().key(), enrollmentId)
                    .isNotNull();
            Instant created = Instant.parse(activation.get("createdDate").asText());
            Instant expires = Instant.parse(activation.get("expirationDate").asText());
            assertThat(created).as("created on the simulator's clock").isAfterOrEqualTo(endOfMonth);
            assertThat(Duration.between(created, expires))
                    .as("patching-service's validity, counted from the simulator's now")
                    .isBetween(ACTIVATION_VALIDITY.minusMinutes(1), ACTIVATION_VALIDITY);
            assertThat(activation.get("registrationsCount").asInt()).isEqualTo(1);
        }
    }

    private static Map<String, JsonNode> activationsByEnrollment() {
        Map<String, JsonNode> byEnrollment = new LinkedHashMap<>();
        StreamSupport.stream(platform.simulatorControl().activations().spliterator(), false)
                .forEach(activation -> byEnrollment.put(
                        activation.path("tags").path("crosspatch:enrollment").asText(), activation));
        return byEnrollment;
    }
}
