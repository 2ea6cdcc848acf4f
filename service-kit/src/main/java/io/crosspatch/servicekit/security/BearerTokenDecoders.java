package io.crosspatch.servicekit.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The one way the services that take bearer JWTs (identity-service's admin API, account-service's operator API,
 * reporting-service's API) build their decoder: signature against a JWKS (RS256, ES256) or an RSA public key
 * (RS256), then an {@code exp} that must be present and in the future, not-before (Spring's one-minute skew), the
 * exact issuer and one of the accepted audiences. Closed by default: a service whose issuer, audience or key source
 * is missing does not start, because a resource server that skips a check it was never told about accepts tokens
 * minted for someone else (another issuer's, another API's, or one that never expires). Kept in one place so the
 * front doors cannot drift apart in what they accept. Needs Spring Security's OAuth2 resource server on the
 * classpath (an optional dependency of service-kit).
 */
public final class BearerTokenDecoders {

    /** The claim the roles are read from, a list or a space-separated string; each becomes {@code ROLE_<role>}. */
    public static final String ROLES_CLAIM = "roles";

    /**
     * Where keys come from and what the claims must say; {@code jwkSetUri} wins over {@code publicKeyLocation}.
     * Blank values count as not set, so environment placeholders with empty defaults work.
     *
     * @param audiences accepted audiences; a token must name at least one of them
     */
    public record KeySource(String jwkSetUri, String publicKeyLocation, String issuer, List<String> audiences) {

        public KeySource {
            jwkSetUri = blankToNull(jwkSetUri);
            publicKeyLocation = blankToNull(publicKeyLocation);
            issuer = blankToNull(issuer);
            audiences = audiences == null
                    ? List.of()
                    : audiences.stream()
                            .filter(Objects::nonNull)
                            .map(String::strip)
                            .filter(a -> !a.isEmpty())
                            .toList();
        }
    }

    private BearerTokenDecoders() {}

    /**
     * The decoder for the resource server configured under {@code prefix}.
     *
     * @throws IllegalStateException naming the missing properties when the issuer, the audience or both key
     *                               sources are missing, so the service refuses to start
     */
    public static JwtDecoder decoder(String prefix, KeySource source, ResourceLoader resources) {
        List<String> missing = new ArrayList<>();
        if (source.issuer() == null) {
            missing.add(prefix + ".issuer");
        }
        if (source.audiences().isEmpty()) {
            missing.add(prefix + ".audience");
        }
        if (source.jwkSetUri() == null && source.publicKeyLocation() == null) {
            missing.add(prefix + ".jwk-set-uri or " + prefix + ".public-key-location");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("bearer tokens cannot be checked without " + String.join(", ", missing)
                    + ": set them (the service refuses to start rather than accept tokens it cannot fully check)");
        }
        NimbusJwtDecoder decoder = source.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(source.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .jwsAlgorithm(SignatureAlgorithm.ES256)
                        .build()
                : NimbusJwtDecoder.withPublicKey(publicKey(resources, source.publicKeyLocation()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build();
        decoder.setJwtValidator(validator(source));
        return decoder;
    }

    /** Authorities from the {@code roles} claim as {@code ROLE_<role>}, for {@code hasRole(…)} rules. */
    public static Converter<Jwt, AbstractAuthenticationToken> rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    private static OAuth2TokenValidator<Jwt> validator(KeySource source) {
        // Spring's timestamp validator checks exp only when present; a token without one would never expire.
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                JwtValidators.createDefaultWithIssuer(source.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.stream().anyMatch(source.audiences()::contains)));
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream pem = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key at " + location, e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
