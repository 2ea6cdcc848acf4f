package io.crosspatch.servicekit.testing;

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
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A test identity provider for the services' bearer-token APIs: one RSA key pair per test JVM whose public key a
 * service is told to trust ({@link #trust}), and tokens built claim by claim — so hostile tests can leave out
 * {@code exp}, name another issuer or audience, or sign with a stranger's key.
 */
public final class TestJwtIssuer {

    public static final String ISSUER = "https://login.crosspatch.test/";

    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair STRANGER = rsa();
    private static final Path PUBLIC_KEY = writePem(TRUSTED);

    private TestJwtIssuer() {}

    /** Makes the resource server under {@code prefix} trust this issuer, for {@code audience}. */
    public static void trust(DynamicPropertyRegistry registry, String prefix, String audience) {
        registry.add(prefix + ".issuer", () -> ISSUER);
        registry.add(prefix + ".public-key-location", TestJwtIssuer::publicKeyLocation);
        registry.add(prefix + ".audiences", () -> audience);
    }

    /** The same as properties, for a service started with {@code SpringApplicationBuilder}. */
    public static Map<String, String> trustProperties(String prefix, String audience) {
        return Map.of(
                prefix + ".issuer",
                ISSUER,
                prefix + ".public-key-location",
                publicKeyLocation(),
                prefix + ".audiences",
                audience);
    }

    /** The {@code file:} location of the trusted public key (PEM). */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** A token for {@code audience}, valid for eight hours, to be completed and {@link Token#sign signed}. */
    public static Token token(String audience) {
        Instant now = Instant.now();
        return new Token(
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject("someone")
                        .audience(audience)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofHours(8)))),
                TRUSTED);
    }

    /** A token under construction. */
    public static final class Token {

        private final JWTClaimsSet.Builder claims;
        private KeyPair keys;

        private Token(JWTClaimsSet.Builder claims, KeyPair keys) {
            this.claims = claims;
            this.keys = keys;
        }

        public Token roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token subject(String subject) {
            claims.subject(subject);
            return this;
        }

        public Token issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Token audience(String audience) {
            claims.audience(audience);
            return this;
        }

        public Token withoutExpiry() {
            claims.expirationTime(null);
            return this;
        }

        public Token expired() {
            Instant past = Instant.now().minus(Duration.ofHours(2));
            claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(5))));
            return this;
        }

        public Token signedByStranger() {
            keys = STRANGER;
            return this;
        }

        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
                jwt.sign(new RSASSASigner(keys.getPrivate()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
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
            Path file = Files.createTempFile("crosspatch-test-jwt-", ".pem");
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
