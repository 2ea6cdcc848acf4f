package io.crosspatch.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed control client against a running simulator of its own (its clock, limits and faults are changed here). */
class SimulatorControlTest {

    private static CloudSimulator simulator;
    private static SimulatorControl control;

    @BeforeAll
    static void start() {
        simulator = CloudSimulator.start(SimulatorConfig.defaults());
        control = new SimulatorControl(simulator.endpoint());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void createsASimulatedVmAndReadsItBack() {
        JsonNode created = control.createVm(SimulatorControl.object()
                .put("provider", "gcp")
                .put("accountId", "client-test-project")
                .put("instanceName", "web-1")
                .put("zone", "europe-west1-b")
                .put("osFamily", "ubuntu")
                .put("osVersion", "22.04"));

        String vmId = created.get("vmId").asText();
        assertThat(control.vm(vmId).get("vmId").asText()).isEqualTo(vmId);
        assertThat(control.vms().findValuesAsText("vmId")).contains(vmId);
    }

    @Test
    void namesTheTrustAnchorsWhereTheSimulatorPublishesThem() {
        JsonNode trust = control.trust();

        assertThat(trust.at("/gcp/jwksUri").asText())
                .isEqualTo(control.gcpJwks().toString());
        assertThat(trust.at("/azure/rootPemUri").asText())
                .isEqualTo(control.azureRootPem().toString());
        assertThat(control.text(SimulatorPaths.awsCertificate("eu-west-1"))).startsWith("-----BEGIN CERTIFICATE-----");
        JsonNode issuer = control.defineVmwareIssuer("client-test-org", SimulatorControl.object());
        assertThat(issuer.get("jwksUri").asText())
                .isEqualTo(control.vmwareJwks("client-test-org").toString());
        assertThat(control.vmwareIssuers().toString())
                .contains(control.vmwareJwks("client-test-org").toString());
    }

    @Test
    void advancesTheSimulatedClock() {
        Instant before = control.now();

        Instant after = control.advanceClock(Duration.ofDays(1));

        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofDays(1));
        assertThat(control.now()).isAfterOrEqualTo(after);
    }

    @Test
    void answersHowFarTheClockIsAheadOfRealTime() {
        Duration before = control.clockOffset();

        control.advanceClock(Duration.ofHours(5));

        assertThat(control.clockOffset()).isEqualTo(before.plusHours(5));
        assertThat(Duration.between(Instant.now(), control.now()))
                .isBetween(
                        before.plusHours(5).minusSeconds(5), before.plusHours(5).plusSeconds(5));
    }

    @Test
    void switchesTheRateLimitsOffAndOn() {
        assertThat(control.rateLimits(false).get("enabled").asBoolean()).isFalse();
        assertThat(control.rateLimits().get("enabled").asBoolean()).isFalse();

        assertThat(control.rateLimits(true).get("enabled").asBoolean()).isTrue();
        assertThat(control.rateLimits().path("limits").size()).isPositive();
    }

    @Test
    void injectsAndClearsFaults() {
        control.injectFault(SimulatorControl.object()
                .put("service", "ssm")
                .put("operation", "CreateActivation")
                .put("throttleProbability", 0.5));

        assertThat(control.faults().findValuesAsText("operation")).contains("CreateActivation");
        control.clearFaults();
        assertThat(control.faults()).isEmpty();
    }

    @Test
    void makesAccountCreationsFailUntilCleared() {
        JsonNode pending = control.failAccountCreations(
                SimulatorControl.object().put("reason", "INTERNAL_FAILURE").put("count", 2));

        assertThat(pending.get(0).path("count").asInt()).isEqualTo(2);
        assertThat(control.accountCreationFailures()).hasSize(1);
        assertThat(control.clearAccountCreationFailures()).isEmpty();
        assertThat(control.accountCreationFailures()).isEmpty();
    }

    @Test
    void readsTheGroundTruthOfAnAccountWithNothingInIt() {
        control.resetCalls();

        assertThat(control.calls()).isEmpty();
        assertThat(control.organizationAccounts().isArray()).isTrue();
        assertThat(control.nodes("000000000042", "eu-west-1")).isEmpty();
        assertThat(control.activations("000000000042", "eu-west-1")).isEmpty();
        assertThat(control.maintenanceWindows("000000000042", "eu-west-1")).isEmpty();
        assertThat(control.patchStates("000000000042", "eu-west-1", false)).isEmpty();
    }

    @Test
    void surfacesARefusalWithItsStatusAndReason() {
        assertThatThrownBy(() -> control.advanceClock(Duration.ofSeconds(-1)))
                .isInstanceOfSatisfying(
                        SimulatorControlException.class,
                        e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("INVALID_ADVANCE");
        assertThatThrownBy(() -> control.vm("vm-0000000000000000"))
                .isInstanceOfSatisfying(
                        SimulatorControlException.class,
                        e -> assertThat(e.status()).isEqualTo(404));
    }
}
