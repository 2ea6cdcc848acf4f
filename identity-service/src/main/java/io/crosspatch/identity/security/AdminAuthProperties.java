package io.crosspatch.identity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the admin API's bearer tokens' keys come from, under {@code crosspatch.identity.admin.auth}. Exactly one key
 * source is used: the JWKS URI when set, else the public key. Blank values mean "not set", so environment
 * placeholders with empty defaults work.
 *
 * @param issuer            the exact {@code iss} every token must carry; blank to skip the check
 * @param jwkSetUri         the issuer's JWKS endpoint (RS256 and ES256 keys)
 * @param publicKeyLocation a Spring resource ({@code file:…}, {@code classpath:…}) with the RSA public key as PEM
 * @param audience          the {@code aud} a token must contain; blank to skip the check
 */
@ConfigurationProperties("crosspatch.identity.admin.auth")
public record AdminAuthProperties(String issuer, String jwkSetUri, String publicKeyLocation, String audience) {

    public AdminAuthProperties {
        issuer = blankToNull(issuer);
        jwkSetUri = blankToNull(jwkSetUri);
        publicKeyLocation = blankToNull(publicKeyLocation);
        audience = blankToNull(audience);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
