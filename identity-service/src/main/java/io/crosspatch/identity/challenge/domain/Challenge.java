package io.crosspatch.identity.challenge.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * A single-use nonce a VM asks for before it reads an Azure attested document, so a captured document cannot be
 * replayed: the verifier accepts the document only while its nonce is unexpired and unused, and uses it up.
 */
public record Challenge(String nonce, Instant expiresAt) {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 32 alphanumerics (about 190 bits): what Azure IMDS accepts as a nonce, and unguessable. */
    public static Challenge issue(Instant now) {
        StringBuilder nonce = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            nonce.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Challenge(nonce.toString(), now.plus(VALIDITY));
    }

    /** Whether {@code candidate} has the shape of a nonce this service issues (checked before any lookup). */
    public static boolean wellFormed(String candidate) {
        return candidate != null
                && candidate.length() == LENGTH
                && candidate.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
