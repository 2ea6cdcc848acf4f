package io.crosspatch.identity.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import io.crosspatch.servicekit.security.BearerTokenProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The admin API's bearer-token decoder, configured under {@code crosspatch.identity.admin.auth} with the settings
 * every Crosspatch resource server shares ({@link BearerTokenProperties}) and built as every one builds it
 * ({@link BearerTokenDecoders}): without an issuer, an audience or a key source the service refuses to start, rather
 * than run an admin API that checks less than it should. Only the prefix is this service's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties
class AdminJwtDecoderConfiguration {

    static final String PREFIX = "crosspatch.identity.admin.auth";

    @Bean
    @ConfigurationProperties(PREFIX)
    BearerTokenProperties adminAuthProperties() {
        return new BearerTokenProperties();
    }

    @Bean
    JwtDecoder adminJwtDecoder(BearerTokenProperties adminAuthProperties, ResourceLoader resources) {
        return BearerTokenDecoders.decoder(PREFIX, adminAuthProperties, resources);
    }
}
