package io.crosspatch.servicekit.time;

import java.net.URI;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of a service, in UTC. Every "now" the services take (an event's {@code occurredAt}, a
 * challenge's issue time, a re-enrollment's timestamp, a cache's expiry) comes from this bean rather than from
 * {@code Clock.systemUTC()} or {@code Instant.now()} written into the class, so a test can move time — the
 * integration tests replace it with the cloud simulator's clock — and every class of the service sees the same
 * time. Backs off when the application or a test declares its own.
 *
 * <p>It is the system clock, unless {@code crosspatch.time.simulator-clock} names a cloud simulator's clock to follow
 * ({@link SimulatorClock}): what the local platform does for the service whose times the simulated AWS checks
 * against its own, moved clock, as the integration tests do in-process.
 */
@AutoConfiguration
@EnableConfigurationProperties(TimeProperties.class)
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(TimeProperties properties) {
        URI simulator = properties.simulatorClock();
        return simulator == null ? Clock.systemUTC() : new SimulatorClock(simulator, Clock.systemUTC());
    }
}
