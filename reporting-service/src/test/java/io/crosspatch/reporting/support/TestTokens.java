package io.crosspatch.reporting.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * A test token issuer: an RSA key pair whose public key the service is configured with (a PEM file), and
 * tokens for a tenant, for an operator, expired, or signed by a stranger's key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.crosspatch.test/";

    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair STRANGER = rsa();
    private static final Path PUBLIC_KEY = writePem(TRUSTED);

    private TestTokens() {
    }

    /** The {@code file:} location of the trusted public key, for {@code crosspatch.reporting.auth.public-key-location}. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    public static String forTenant(String tenantId) {
        return sign(TRUSTED, claims().claim("tenant", tenantId).build());
    }

    public static String forTenantIdClaim(String tenantId) {
        return sign(TRUSTED, claims().claim("tenant_id", tenantId).build());
    }

    public static String forOperator() {
        return sign(TRUSTED, claims().claim("roles", List.of("operator")).build());
    }

    public static String expiredForTenant(String tenantId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(TRUSTED, claims().claim("tenant", tenantId).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build());
    }

    public static String signedByStrangerForTenant(String tenantId) {
        return sign(STRANGER, claims().claim("tenant", tenantId).build());
    }

    public static String withForeignIssuerForTenant(String tenantId) {
        return sign(TRUSTED, claims().issuer("https://evil.example/").claim("tenant", tenantId).build());
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("someone").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(8))));
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(KeyPair keys) {
        try {
            Path file = Files.createTempFile("reporting-jwt-", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
