package io.crosspatch.identity.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the admin API's bearer tokens' keys come from and what their claims must say, under
 * {@code crosspatch.identity.admin.auth}. Issuer, audience and one key source (the JWKS URI when set, else the public
 * key) are all required: the service does not start without them.
 *
 * @param issuer            the exact {@code iss} every token must carry
 * @param jwkSetUri         the issuer's JWKS endpoint (RS256 and ES256 keys)
 * @param publicKeyLocation a Spring resource ({@code file:…}, {@code classpath:…}) with the RSA public key as PEM
 * @param audiences         accepted {@code aud} values; a token must name one
 */
@ConfigurationProperties("crosspatch.identity.admin.auth")
record AdminAuthProperties(String issuer, String jwkSetUri, String publicKeyLocation, List<String> audiences) {}
