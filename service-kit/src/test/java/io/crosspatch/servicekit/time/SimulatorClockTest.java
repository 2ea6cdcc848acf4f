package io.crosspatch.servicekit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.testbed.FreePorts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service's clock following a real cloud simulator's, whose clock is moved here as the local demo moves it. */
class SimulatorClockTest {

    private static final Duration MONTH = Duration.ofDays(31);

    private CloudSimulator simulator;
    private URI clockEndpoint;

    @BeforeEach
    void startSimulator() {
        simulator = CloudSimulator.start(SimulatorConfig.defaults());
        clockEndpoint = simulator.endpoint().resolve(SimulatorPaths.CLOCK);
    }

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Test
    void givesTheSimulatorsTimeAfterItsClockMovesAMonthAhead() {
        SimulatorClock clock = new SimulatorClock(clockEndpoint, Clock.systemUTC());
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(2));

        simulator.clock().advance(MONTH);

        Awaitility.await()
                .atMost(SimulatorClock.REFRESH.multipliedBy(10))
                .untilAsserted(
                        () -> assertThat(Duration.between(simulator.clock().instant(), clock.instant())
                                        .abs())
                                .isLessThan(Duration.ofSeconds(2)));
        assertThat(clock.offset()).isEqualTo(MONTH);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void startsFromTheOffsetTheSimulatorAlreadyHas() {
        simulator.clock().advance(MONTH);

        SimulatorClock clock = new SimulatorClock(clockEndpoint, Clock.systemUTC());

        assertThat(clock.offset()).isEqualTo(MONTH);
        assertThat(clock.instant()).isAfter(Instant.now().plus(MONTH).minusSeconds(2));
    }

    @Test
    void keepsTheLastOffsetWhileTheSimulatorIsAway() {
        simulator.clock().advance(MONTH);
        SimulatorClock clock = new SimulatorClock(clockEndpoint, Clock.systemUTC());

        stopSimulator();

        Awaitility.await()
                .pollDelay(SimulatorClock.REFRESH.multipliedBy(2))
                .atMost(SimulatorClock.REFRESH.multipliedBy(10))
                .untilAsserted(() -> assertThat(clock.instant())
                        .isAfter(Instant.now().plus(MONTH).minusSeconds(2)));
        assertThat(clock.offset()).isEqualTo(MONTH);
    }

    @Test
    void refusesToStartWhenTheSimulatorDoesNotAnswer() {
        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.take() + SimulatorPaths.CLOCK);

        assertThatThrownBy(() -> new SimulatorClock(nobody, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the simulator's clock " + nobody + " did not answer");
    }

    @Test
    void refusesToStartOnAnEndpointThatIsNotASimulatorsClock() {
        URI calls = simulator.endpoint().resolve(SimulatorPaths.CALLS);

        assertThatThrownBy(() -> new SimulatorClock(calls, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered no offset");
    }
}
