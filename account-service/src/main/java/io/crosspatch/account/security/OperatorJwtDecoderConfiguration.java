package io.crosspatch.account.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import io.crosspatch.servicekit.security.BearerTokenProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The operator API's bearer-token decoder, configured under {@code crosspatch.operator.auth} with the settings every
 * Crosspatch resource server shares ({@link BearerTokenProperties}) and built as every one builds it
 * ({@link BearerTokenDecoders}): without an issuer, an audience or a key source the service refuses to start, so the
 * API can never run open. Only the prefix is this service's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties
class OperatorJwtDecoderConfiguration {

    static final String PREFIX = "crosspatch.operator.auth";

    @Bean
    @ConfigurationProperties(PREFIX)
    BearerTokenProperties operatorAuthProperties() {
        return new BearerTokenProperties();
    }

    @Bean
    JwtDecoder operatorJwtDecoder(BearerTokenProperties operatorAuthProperties, ResourceLoader resources) {
        return BearerTokenDecoders.decoder(PREFIX, operatorAuthProperties, resources);
    }
}
