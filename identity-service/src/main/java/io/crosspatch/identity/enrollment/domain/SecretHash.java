package io.crosspatch.identity.enrollment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The base64url SHA-256 of an enrollment secret: all the service ever stores or publishes of it. The secret is 256
 * random bits, so a plain hash is enough (nothing to brute-force); comparison is constant-time so a poller cannot
 * learn the stored hash byte by byte.
 */
public record SecretHash(String value) {

    public static SecretHash of(String secret) {
        return new SecretHash(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(secret)));
    }

    /** Whether {@code presentedSecret} hashes to this value, compared in constant time. */
    public boolean matches(String presentedSecret) {
        if (presentedSecret == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII),
                of(presentedSecret).value().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SecretHash[…]";
    }
}
