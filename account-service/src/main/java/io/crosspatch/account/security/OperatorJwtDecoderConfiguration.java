package io.crosspatch.account.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The operator API's bearer-token decoder, from {@link OperatorAuthProperties}, built as every Crosspatch resource
 * server builds one ({@link BearerTokenDecoders}): without an issuer, an audience or a key source the service
 * refuses to start, so the API can never run open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorAuthProperties.class)
class OperatorJwtDecoderConfiguration {

    static final String PREFIX = "crosspatch.operator.auth";

    @Bean
    JwtDecoder operatorJwtDecoder(OperatorAuthProperties properties, ResourceLoader resources) {
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
