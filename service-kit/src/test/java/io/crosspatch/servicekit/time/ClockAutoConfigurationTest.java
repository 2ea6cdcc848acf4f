package io.crosspatch.servicekit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock fixedClock() {
            return Clock.fixed(FIXED, ZoneOffset.UTC);
        }
    }
}
