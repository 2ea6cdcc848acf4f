package io.crosspatch.identity.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The admin API's bearer-token decoder, from {@link AdminAuthProperties}, built as every Crosspatch resource server
 * builds one ({@link BearerTokenDecoders}): without an issuer, an audience or a key source the service refuses to
 * start, rather than run an admin API that checks less than it should.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminAuthProperties.class)
class AdminJwtDecoderConfiguration {

    static final String PREFIX = "crosspatch.identity.admin.auth";

    @Bean
    JwtDecoder adminJwtDecoder(AdminAuthProperties properties, ResourceLoader resources) {
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
