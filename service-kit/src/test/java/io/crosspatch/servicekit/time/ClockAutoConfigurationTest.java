package io.crosspatch.servicekit.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ClockAutoConfigurationTest {

    private static final Instant FIXED = Instant.parse("2026-01-02T03:04:05Z");

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void shouldGiveEveryServiceOneUtcClock() {
        context.run(started -> {
            assertThat(started).hasSingleBean(Clock.class);
            assertThat(started.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
        });
    }

    @Test
    void shouldStepAsideForAClockTheApplicationDeclares() {
        context.withUserConfiguration(FixedClock.class).run(started -> {
            assertThat(started).hasSingleBean(Clock.class);
            assertThat(started.getBean(Clock.class).instant()).isEqualTo(FIXED);
        });
    }

    @Test
    void shouldFollowTheSimulatorsClockOnlyWhereConfiguredTo() {
        CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults());
        try {
            simulator.clock().advance(Duration.ofDays(31));
            context.withPropertyValues("crosspatch.time.simulator-clock="
                            + simulator.endpoint().resolve(SimulatorPaths.CLOCK))
                    .run(started -> {
                        assertThat(started).hasSingleBean(Clock.class);
                        assertThat(started.getBean(Clock.class).instant())
                                .isAfter(Instant.now().plus(Duration.ofDays(30)));
                    });
        } finally {
            simulator.close();
        }
    }

    @Test
    void shouldRefuseToStartOnASimulatorClockThatIsNoHttpUrl() {
        context.withPropertyValues("crosspatch.time.simulator-clock=file:///etc/passwd")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("crosspatch.time.simulator-clock must be an http(s) URL"));
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock fixedClock() {
            return Clock.fixed(FIXED, ZoneOffset.UTC);
        }
    }
}
