package io.crosspatch.servicekit.activationcode;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The one activation-code cipher: patching-service seals the SSM activation code it issues, identity-service opens it
 * for the VM that polls its enrollment status. Compact JWEs with {@code alg=dir}, {@code enc=A256GCM} and the key
 * named in the header's {@code kid}, so a reader picks the right key after a rotation. Only that exact scheme is
 * opened — a forged header cannot pick another algorithm or content encryption (with a 256-bit key,
 * {@code A128CBC-HS256} would otherwise decrypt too) — and AES-GCM authenticates, so a tampered code fails rather
 * than decrypting to garbage.
 *
 * <p>One class on both sides because the two copies had drifted: identity-service ignored whitespace around a
 * configured key and checked the header's scheme, patching-service did neither, so a key pasted with a trailing
 * newline started one service and not the other, and patching-service's own opening accepted other schemes.
 * Lives in service-kit, whose JOSE library (Nimbus, an optional dependency) both services already have.
 */
public final class ActivationCodeCipher {

    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final @Nullable String currentKeyId;

    /**
     * A cipher that seals under {@code current-key-id} and opens codes of every configured key.
     *
     * @throws IllegalArgumentException when a key is not 256 bits or {@code current-key-id} names no configured key
     */
    public ActivationCodeCipher(ActivationEncryptionProperties properties) {
        this(properties, true);
    }

    private ActivationCodeCipher(ActivationEncryptionProperties properties, boolean seals) {
        properties.keys().forEach((kid, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("activation-encryption key " + kid + " must be 256 bits");
            }
            keys.put(kid, new SecretKeySpec(key, "AES"));
        });
        if (seals && !keys.containsKey(properties.currentKeyId())) {
            throw new IllegalArgumentException("activation-encryption.current-key-id names no configured key");
        }
        this.currentKeyId = seals ? properties.currentKeyId() : null;
    }

    /**
     * A cipher that only opens codes (identity-service): it needs every key an unexpired code may name, and no current
     * key.
     *
     * @throws IllegalArgumentException when a key is not 256 bits
     */
    public static ActivationCodeCipher openingOnly(ActivationEncryptionProperties properties) {
        return new ActivationCodeCipher(properties, false);
    }

    /**
     * The code sealed under the current key.
     *
     * @throws IllegalStateException when this cipher only opens codes
     */
    public EncryptedCode encrypt(String activationCode) {
        if (currentKeyId == null) {
            throw new IllegalStateException("this activation-code cipher only opens codes: it has no current key");
        }
        try {
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                            .keyID(currentKeyId)
                            .build(),
                    new Payload(activationCode));
            jwe.encrypt(new DirectEncrypter(keys.get(currentKeyId)));
            return new EncryptedCode(jwe.serialize(), currentKeyId);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not encrypt an activation code", e);
        }
    }

    /**
     * The activation code in {@code compactJwe}.
     *
     * @throws IllegalArgumentException when it is not a {@code dir}/{@code A256GCM} JWE under a configured key, or
     *                                  was tampered with
     */
    public String decrypt(String compactJwe) {
        try {
            JWEObject jwe = JWEObject.parse(compactJwe);
            if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
                throw new IllegalArgumentException("activation code is not dir/A256GCM");
            }
            SecretKey key = keys.get(jwe.getHeader().getKeyID());
            if (key == null) {
                throw new IllegalArgumentException(
                        "unknown activation-encryption key " + jwe.getHeader().getKeyID());
            }
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("not an activation code encrypted with a shared key", e);
        }
    }
}
