package io.crosspatch.identity.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import io.crosspatch.identity.enrollment.application.ActivationCodeDecrypter;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Decrypts activation codes encrypted by patching-service's {@code ActivationCodeCipher}: compact JWEs with
 * {@code alg=dir}, {@code enc=A256GCM} and the key named by {@code kid}. Only that exact scheme is accepted, so a
 * forged header cannot pick another algorithm; AES-GCM authenticates, so a tampered code fails rather than
 * decrypting to garbage.
 */
@Component
@EnableConfigurationProperties(ActivationEncryptionProperties.class)
public class JweActivationCodeDecrypter implements ActivationCodeDecrypter {

    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys = new HashMap<>();

    public JweActivationCodeDecrypter(ActivationEncryptionProperties properties) {
        properties.keys().forEach((kid, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("activation-encryption key " + kid + " must be 256 bits");
            }
            keys.put(kid, new SecretKeySpec(key, "AES"));
        });
    }

    @Override
    public String decrypt(String compactJwe) {
        try {
            JWEObject jwe = JWEObject.parse(compactJwe);
            if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
                throw new IllegalArgumentException("activation code is not dir/A256GCM");
            }
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
