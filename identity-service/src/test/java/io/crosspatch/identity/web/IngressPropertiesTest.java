package io.crosspatch.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The ingress's defaults live in {@link IngressProperties} alone: bound from nothing it holds them all, and a limit
 * configured in part keeps that limit's own defaults for the rest (the status polls' more generous ones included).
 */
class IngressPropertiesTest {

    @Test
    void shouldHoldEveryDefaultWhenNothingIsConfigured() {
        IngressProperties ingress = bind(Map.of("crosspatch.identity.ingress.trusted-proxies", ""));

        assertThat(ingress.enabled()).isTrue();
        assertThat(ingress.maxBodyBytes()).isEqualTo(65_536);
        assertThat(ingress.trustedProxies()).isEmpty();
        assertThat(ingress.rateLimit()).isEqualTo(new IngressProperties.RateLimit(20.0, 40, 100_000));
        assertThat(ingress.statusRateLimit()).isEqualTo(new IngressProperties.RateLimit(100.0, 200, 100_000));
        assertThat(ingress.publishTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ingress.pendingTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void shouldKeepTheStatusLimitsOwnDefaultsWhenOnlyItsRateIsSet() {
        IngressProperties ingress = bind(Map.of("crosspatch.identity.ingress.status-rate-limit.per-second", "1000"));

        assertThat(ingress.statusRateLimit()).isEqualTo(new IngressProperties.RateLimit(1000.0, 200, 100_000));
        assertThat(ingress.rateLimit()).isEqualTo(new IngressProperties.RateLimit(20.0, 40, 100_000));
    }

    @Test
    void shouldRefuseAPendingTtlCassandraCannotStore() {
        assertThatThrownBy(() -> bind(Map.of("crosspatch.identity.ingress.pending-ttl", "0s")))
                .hasRootCauseMessage("crosspatch.identity.ingress.pending-ttl must be between a second and 20 years "
                        + "(Cassandra's longest TTL)");
    }

    private static IngressProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("crosspatch.identity.ingress", Bindable.of(IngressProperties.class));
    }
}
