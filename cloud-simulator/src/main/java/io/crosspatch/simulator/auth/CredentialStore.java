package io.crosspatch.simulator.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The access keys the simulator knows: configured long-term keys and the temporary ones AssumeRole issues. */
public final class CredentialStore {

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final Map<String, Credentials> byAccessKey = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public void add(Credentials credentials) {
        byAccessKey.put(credentials.accessKeyId(), credentials);
    }

    public Optional<Credentials> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    /** New temporary credentials ({@code ASIA…} key, secret, session token) acting as {@code arn} in {@code accountId}. */
    public Credentials issueTemporary(String accountId, String arn, Instant expiresAt) {
        Credentials credentials = new Credentials(
                "ASIA" + randomString(KEY_ALPHABET, 16),
                randomString(SECRET_ALPHABET, 40),
                randomString(SECRET_ALPHABET, 120),
                accountId,
                arn,
                expiresAt);
        add(credentials);
        return credentials;
    }

    private String randomString(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
