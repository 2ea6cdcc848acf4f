package io.crosspatch.patching.activation.security;

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

/**
 * Encrypts activation codes as compact JWEs ({@code alg=dir}, {@code enc=A256GCM}) with the current shared key,
 * naming the key in the header's {@code kid} so a reader picks the right one after a rotation. AES-GCM
 * authenticates as well as encrypts: a tampered code fails to decrypt rather than yielding garbage.
 */
public final class ActivationCodeCipher {

    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String currentKeyId;

    public ActivationCodeCipher(ActivationEncryptionProperties properties) {
        properties.keys().forEach((kid, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("activation-encryption key " + kid + " must be 256 bits");
            }
            keys.put(kid, new SecretKeySpec(key, "AES"));
        });
        if (!keys.containsKey(properties.currentKeyId())) {
            throw new IllegalArgumentException("activation-encryption.current-key-id names no configured key");
        }
        this.currentKeyId = properties.currentKeyId();
    }

    public EncryptedCode encrypt(String activationCode) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .keyID(currentKeyId).build(), new Payload(activationCode));
            jwe.encrypt(new DirectEncrypter(keys.get(currentKeyId)));
            return new EncryptedCode(jwe.serialize(), currentKeyId);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not encrypt an activation code", e);
        }
    }

    /** What identity-service's status view does with the shared key; here for tests and symmetry. */
    public String decrypt(String compactJwe) {
        try {
            JWEObject jwe = JWEObject.parse(compactJwe);
            SecretKey key = keys.get(jwe.getHeader().getKeyID());
            if (key == null) {
                throw new IllegalArgumentException("unknown activation-encryption key " + jwe.getHeader().getKeyID());
            }
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("not an activation code encrypted with a shared key", e);
        }
    }
}
