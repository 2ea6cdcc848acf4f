package io.crosspatch.reporting.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where bearer tokens' keys come from, under {@code crosspatch.reporting.auth}. Exactly one key source is
 * used: the JWKS URI when set, else the public key. Blank values mean "not set", so environment placeholders
 * with empty defaults work.
 *
 * @param issuer            the exact {@code iss} every token must carry; blank to skip the check
 * @param jwkSetUri         the issuer's JWKS endpoint (RS256 and ES256 keys)
 * @param publicKeyLocation a Spring resource ({@code file:…}, {@code classpath:…}) with the issuer's RSA
 *                          public key as PEM ({@code -----BEGIN PUBLIC KEY-----})
 * @param audiences         accepted {@code aud} values; empty to skip the check
 */
@ConfigurationProperties("crosspatch.reporting.auth")
public record AuthProperties(String issuer, String jwkSetUri, String publicKeyLocation, List<String> audiences) {

    public AuthProperties {
        issuer = blankToNull(issuer);
        jwkSetUri = blankToNull(jwkSetUri);
        publicKeyLocation = blankToNull(publicKeyLocation);
        audiences = audiences == null ? List.of()
                : audiences.stream().filter(audience -> !audience.isBlank()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
