package io.crosspatch.identity.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The admin API's bearer-token decoder, from {@link AdminAuthProperties}: signature against the configured JWKS
 * (RS256, ES256) or RSA public key (RS256), then expiry and not-before (one minute of skew), the exact issuer and
 * the audience when configured. Without a key source the service still starts (VMs enroll without admin tokens)
 * but refuses every admin token, and says so at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminAuthProperties.class)
public class AdminJwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminJwtDecoderConfiguration.class);

    @Bean
    JwtDecoder adminJwtDecoder(AdminAuthProperties properties, ResourceLoader resources) {
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
        } else if (properties.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources, properties.publicKeyLocation()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            log.warn("no admin JWT key source configured (crosspatch.identity.admin.auth.jwk-set-uri or"
                    + " public-key-location): every admin request will be answered 401");
            return token -> {
                throw new JwtException("no key source configured");
            };
        }
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(AdminAuthProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(properties.issuer() == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(properties.issuer()));
        if (properties.audience() != null) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream pem = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin JWT public key at " + location, e);
        }
    }
}
