package io.crosspatch.servicekit.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * Where a bearer-token API's keys come from and what the tokens' claims must say: the one settings type of every
 * Crosspatch resource server, which {@link BearerTokenDecoders} turns into a decoder. A service binds it under its
 * own prefix from a {@code @Bean @ConfigurationProperties("<prefix>")} method, so the property names stay the
 * service's while their meaning, their defaults and their checks are written once. Issuer, audience and one key source
 * (the JWKS URI when set, else the public key) are all required: the service does not start without them. Blank
 * values count as not set, so environment placeholders with empty defaults work.
 *
 * <p>A mutable bean rather than a record because a {@code @Bean} method's properties are bound through setters;
 * {@link ConfigurationPropertiesSource} lets the configuration processor of each service that binds it copy these
 * descriptions into that service's metadata.
 */
@ConfigurationPropertiesSource
public class BearerTokenProperties {

    /** The exact {@code iss} every token must carry. */
    private @Nullable String issuer;

    /** The issuer's JWKS endpoint (RS256 and ES256 keys); wins over the public key when both are set. */
    private @Nullable String jwkSetUri;

    /**
     * A Spring resource ({@code file:…}, {@code classpath:…}) with the issuer's RSA public key as PEM
     * ({@code -----BEGIN PUBLIC KEY-----}).
     */
    private @Nullable String publicKeyLocation;

    /** Accepted {@code aud} values; a token must name one. */
    private List<String> audiences = new ArrayList<>();

    public @Nullable String getIssuer() {
        return blankToNull(issuer);
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    public @Nullable String getJwkSetUri() {
        return blankToNull(jwkSetUri);
    }

    public void setJwkSetUri(@Nullable String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public @Nullable String getPublicKeyLocation() {
        return blankToNull(publicKeyLocation);
    }

    public void setPublicKeyLocation(@Nullable String publicKeyLocation) {
        this.publicKeyLocation = publicKeyLocation;
    }

    /** The audiences without blanks and surrounding whitespace; empty when none is set. */
    public List<String> getAudiences() {
        return audiences.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(audience -> !audience.isEmpty())
                .toList();
    }

    public void setAudiences(@Nullable List<String> audiences) {
        this.audiences = audiences == null ? new ArrayList<>() : new ArrayList<>(audiences);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
