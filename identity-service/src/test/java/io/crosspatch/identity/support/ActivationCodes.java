package io.crosspatch.identity.support;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts activation codes the way patching-service does (dir + A256GCM, kid in the header), with the test key. */
public final class ActivationCodes {

    public static final String KEY_ID = "test-k1";
    /** A fixed test key (never used outside tests), so every test context has the same properties and is shared. */
    public static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private ActivationCodes() {}

    public static String encrypt(String code) {
        try {
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                            .keyID(KEY_ID)
                            .build(),
                    new Payload(code));
            jwe.encrypt(
                    new DirectEncrypter(new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES")));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
