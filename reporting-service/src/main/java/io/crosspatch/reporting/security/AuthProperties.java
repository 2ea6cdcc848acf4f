package io.crosspatch.reporting.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where bearer tokens' keys come from and what their claims must say, under {@code crosspatch.reporting.auth}.
 * Issuer, audience and one key source (the JWKS URI when set, else the public key) are all required: the service
 * does not start without them.
 *
 * @param issuer            the exact {@code iss} every token must carry
 * @param jwkSetUri         the issuer's JWKS endpoint (RS256 and ES256 keys)
 * @param publicKeyLocation a Spring resource ({@code file:…}, {@code classpath:…}) with the issuer's RSA
 *                          public key as PEM ({@code -----BEGIN PUBLIC KEY-----})
 * @param audiences         accepted {@code aud} values; a token must name one
 */
@ConfigurationProperties("crosspatch.reporting.auth")
record AuthProperties(String issuer, String jwkSetUri, String publicKeyLocation, List<String> audiences) {}
