package io.crosspatch.identity.security;

import io.crosspatch.servicekit.security.BearerTokenDecoders;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The admin API's bearer-token decoder, from {@link AdminAuthProperties}, built as every Crosspatch resource server
 * builds one ({@link BearerTokenDecoders}). Without a key source the service still starts (VMs enroll without
 * admin tokens) but refuses every admin token, and says so at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminAuthProperties.class)
public class AdminJwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminJwtDecoderConfiguration.class);

    @Bean
    JwtDecoder adminJwtDecoder(AdminAuthProperties properties, ResourceLoader resources) {
        BearerTokenDecoders.KeySource source = new BearerTokenDecoders.KeySource(properties.jwkSetUri(),
                properties.publicKeyLocation(), properties.issuer(),
                properties.audience() == null ? List.of() : List.of(properties.audience()));
        return BearerTokenDecoders.decoder(source, resources).orElseGet(() -> {
            log.warn("no admin JWT key source configured (crosspatch.identity.admin.auth.jwk-set-uri or"
                    + " public-key-location): every admin request will be answered 401");
            return BearerTokenDecoders.refusingEveryToken();
        });
    }
}
