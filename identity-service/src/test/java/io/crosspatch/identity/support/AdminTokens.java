package io.crosspatch.identity.support;

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

/** A test issuer of admin tokens: its public key is what the service trusts; tokens with or without the admin role. */
public final class AdminTokens {

    public static final String ISSUER = "https://login.crosspatch.test/";

    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair STRANGER = rsa();
    private static final Path PUBLIC_KEY = writePem(TRUSTED);

    private AdminTokens() {
    }

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    public static String admin() {
        return sign(TRUSTED, claims().claim("roles", List.of("admin")).build());
    }

    public static String withoutAdminRole() {
        return sign(TRUSTED, claims().claim("roles", List.of("operator")).build());
    }

    public static String adminSignedByStranger() {
        return sign(STRANGER, claims().claim("roles", List.of("admin")).build());
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("ops").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
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
            Path file = Files.createTempFile("identity-admin-jwt-", ".pem");
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
