package io.crosspatch.patching.registration.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The registration watcher's settings: its defaults come from the record, set values win, nonsense is refused. */
class RegistrationPropertiesTest {

    @Test
    void shouldWatchEveryThirtySecondsAndAuditEveryTenMinutesByDefault() {
        RegistrationProperties properties = bind(Map.of());

        assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.auditInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.accountConcurrency()).isEqualTo(8);
    }

    @Test
    void shouldTakeTheIntervalTheLocalPlatformSets() {
        assertThat(bind(Map.of("crosspatch.patching.registration.interval", "2s"))
                        .interval())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseToWatchNoAccountAtATime() {
        assertThatThrownBy(() -> bind(Map.of("crosspatch.patching.registration.account-concurrency", "0")))
                .hasRootCauseMessage("crosspatch.patching.registration.account-concurrency must be at least 1");
    }

    private static RegistrationProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("crosspatch.patching.registration", Bindable.of(RegistrationProperties.class));
    }
}
