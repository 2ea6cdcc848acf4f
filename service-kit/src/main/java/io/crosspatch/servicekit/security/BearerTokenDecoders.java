package io.crosspatch.servicekit.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    private BearerTokenDecoders() {}

    /**
     * The decoder for the resource server configured under {@code prefix}; {@code prefix} only names the missing
     * properties in the refusal.
     *
     * @throws IllegalStateException naming the missing properties when the issuer, the audience or both key
     *                               sources are missing, so the service refuses to start
     */
    public static JwtDecoder decoder(String prefix, BearerTokenProperties properties, ResourceLoader resources) {
        List<String> missing = new ArrayList<>();
        String issuer = properties.getIssuer();
        String jwkSetUri = properties.getJwkSetUri();
        String publicKeyLocation = properties.getPublicKeyLocation();
        List<String> audiences = properties.getAudiences();
        if (issuer == null) {
            missing.add(prefix + ".issuer");
        }
        if (audiences.isEmpty()) {
            missing.add(prefix + ".audience");
        }
        if (jwkSetUri == null && publicKeyLocation == null) {
            missing.add(prefix + ".jwk-set-uri or " + prefix + ".public-key-location");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("bearer tokens cannot be checked without " + String.join(", ", missing)
                    + ": set them (the service refuses to start rather than accept tokens it cannot fully check)");
        }
        // Both checked above: the issuer is set, and so is the public key where no JWKS URI is.
        NimbusJwtDecoder decoder = jwkSetUri != null
                ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .jwsAlgorithm(SignatureAlgorithm.ES256)
                        .build()
                : NimbusJwtDecoder.withPublicKey(publicKey(resources, Objects.requireNonNull(publicKeyLocation)))
                        .signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build();
        decoder.setJwtValidator(validator(Objects.requireNonNull(issuer), audiences));
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

    private static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> accepted) {
        // Spring's timestamp validator checks exp only when present; a token without one would never expire.
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.stream().anyMatch(accepted::contains)));
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream pem = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key at " + location, e);
        }
    }
}
