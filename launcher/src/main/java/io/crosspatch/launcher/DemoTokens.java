package io.crosspatch.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The local platform's stand-in for an identity provider: a fresh RSA key per run, whose public half the services'
 * APIs trust (identity's admin API, account's operator API, reporting's API), and RS256 bearer tokens signed with it
 * for the demo, each with an {@code exp} and the audience of the APIs it is for, as the services require. Never for
 * anything but a local run: the key lives only in this process and the tokens expire with the day.
 */
public final class DemoTokens {

    static final String ISSUER = "crosspatch-local";
    /** The audiences the platform configures each API with. */
    static final String IDENTITY_AUDIENCE = "crosspatch-identity";

    static final String ACCOUNT_AUDIENCE = "crosspatch-account";
    static final String REPORTING_AUDIENCE = "crosspatch-reporting";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final KeyPair keys;

    public DemoTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the demo signing key", e);
        }
    }

    /** Writes the public key as PEM, for the services' {@code …auth.public-key-location}. */
    public Path writePublicKey(Path file) throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(file, pem);
        return file;
    }

    /**
     * A token for {@code subject}: an operator's (all tenants in reporting, and account-service's operator API) when
     * {@code tenantId} is null, else that tenant's (reporting only).
     */
    public String token(String subject, @Nullable String tenantId) {
        return tenantId == null
                ? signed(subject, audiences(REPORTING_AUDIENCE, ACCOUNT_AUDIENCE) + ",\"roles\":[\"operator\"]")
                : signed(subject, audiences(REPORTING_AUDIENCE) + ",\"tenant\":\"" + tenantId + "\"");
    }

    /** A token with the admin role, for identity-service's onboarding API. */
    public String adminToken(String subject) {
        return signed(subject, audiences(IDENTITY_AUDIENCE) + ",\"roles\":[\"admin\"]");
    }

    private static String audiences(String... audiences) {
        return ",\"aud\":[\"" + String.join("\",\"", audiences) + "\"]";
    }

    private String signed(String subject, String extraClaims) {
        Instant now = Instant.now();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(LIFETIME).getEpochSecond() + extraClaims + "}";
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the demo token", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
