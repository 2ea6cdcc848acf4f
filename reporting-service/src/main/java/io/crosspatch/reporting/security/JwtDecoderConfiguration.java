package io.crosspatch.reporting.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The bearer-token decoder of the resource server, from {@link AuthProperties}, built as every Crosspatch resource
 * server builds one ({@link BearerTokenDecoders}): without an issuer, an audience or a key source the service
 * refuses to start, rather than serve tenant data to tokens it cannot fully check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class JwtDecoderConfiguration {

    static final String PREFIX = "crosspatch.reporting.auth";

    @Bean
    JwtDecoder jwtDecoder(AuthProperties properties, ResourceLoader resources) {
        return BearerTokenDecoders.decoder(
                PREFIX,
                new BearerTokenDecoders.KeySource(
                        properties.jwkSetUri(),
                        properties.publicKeyLocation(),
                        properties.issuer(),
                        properties.audiences()),
                resources);
    }
}
