package io.crosspatch.reporting.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The bearer-token decoder of the resource server, from {@link AuthProperties}, built as every Crosspatch resource
 * server builds one ({@link BearerTokenDecoders}). Without any key source the service still starts (health,
 * metrics, the dashboard's files) but refuses every token, and says so at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class JwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);

    @Bean
    JwtDecoder jwtDecoder(AuthProperties properties, ResourceLoader resources) {
        BearerTokenDecoders.KeySource source = new BearerTokenDecoders.KeySource(properties.jwkSetUri(),
                properties.publicKeyLocation(), properties.issuer(), properties.audiences());
        return BearerTokenDecoders.decoder(source, resources).orElseGet(() -> {
            log.warn("no JWT key source configured (crosspatch.reporting.auth.jwk-set-uri or public-key-location):"
                    + " every API request will be answered 401");
            return BearerTokenDecoders.refusingEveryToken();
        });
    }
}
