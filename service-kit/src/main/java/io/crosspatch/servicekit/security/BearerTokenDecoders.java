package io.crosspatch.servicekit.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The one way the services that take bearer JWTs (reporting-service's API, identity-service's admin API) build
 * their decoder: signature against a JWKS (RS256, ES256) or an RSA public key (RS256), then expiry and not-before
 * (Spring's one-minute skew), the exact issuer and an audience when configured. Kept in one place so the two front
 * doors cannot drift apart in what they accept. Needs Spring Security's OAuth2 resource server on the classpath
 * (an optional dependency of service-kit).
 */
public final class BearerTokenDecoders {

    /**
     * Where keys come from and what the claims must say; {@code jwkSetUri} wins over {@code publicKeyLocation}.
     *
     * @param audiences accepted audiences; empty: any
     */
    public record KeySource(String jwkSetUri, String publicKeyLocation, String issuer, List<String> audiences) {

        public KeySource {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    private BearerTokenDecoders() {
    }

    /** The decoder, or empty when neither a JWKS URI nor a public key is configured. */
    public static Optional<JwtDecoder> decoder(KeySource source, ResourceLoader resources) {
        NimbusJwtDecoder decoder;
        if (source.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(source.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
        } else if (source.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources, source.publicKeyLocation()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            return Optional.empty();
        }
        decoder.setJwtValidator(validator(source));
        return Optional.of(decoder);
    }

    /** For a service started without a key source: it runs, and refuses every token. */
    public static JwtDecoder refusingEveryToken() {
        return token -> {
            throw new JwtException("no key source configured");
        };
    }

    private static OAuth2TokenValidator<Jwt> validator(KeySource source) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(source.issuer() == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(source.issuer()));
        if (!source.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.stream().anyMatch(source.audiences()::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream pem = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key at " + location, e);
        }
    }
}
