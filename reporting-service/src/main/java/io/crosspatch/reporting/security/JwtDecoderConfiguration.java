package io.crosspatch.reporting.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import io.crosspatch.servicekit.security.BearerTokenProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The bearer-token decoder of the resource server, configured under {@code crosspatch.reporting.auth} with the
 * settings every Crosspatch resource server shares ({@link BearerTokenProperties}) and built as every one builds it
 * ({@link BearerTokenDecoders}): without an issuer, an audience or a key source the service refuses to start, rather
 * than serve tenant data to tokens it cannot fully check. Only the prefix is this service's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties
class JwtDecoderConfiguration {

    static final String PREFIX = "crosspatch.reporting.auth";

    @Bean
    @ConfigurationProperties(PREFIX)
    BearerTokenProperties authProperties() {
        return new BearerTokenProperties();
    }

    @Bean
    JwtDecoder jwtDecoder(BearerTokenProperties authProperties, ResourceLoader resources) {
        return BearerTokenDecoders.decoder(PREFIX, authProperties, resources);
    }
}
