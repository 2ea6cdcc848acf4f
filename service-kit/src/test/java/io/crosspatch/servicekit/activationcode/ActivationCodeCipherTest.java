package io.crosspatch.servicekit.activationcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Activation codes as compact JWEs under rotating shared keys. */
class ActivationCodeCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void encryptsUnderTheCurrentKeyAndStillDecryptsCodesOfTheOldOneAfterARotation() {
        ActivationCodeCipher before =
                new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "k1"));
        EncryptedCode old = before.encrypt("code-AAAA");

        ActivationCodeCipher after =
                new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1, "k2", K2), "k2"));
        EncryptedCode current = after.encrypt("code-BBBB");

        assertThat(old.keyId()).isEqualTo("k1");
        assertThat(current.keyId()).isEqualTo("k2");
        assertThat(current.jwe()).doesNotContain("code-BBBB").matches("^[^.]+\\.\\.[^.]+\\.[^.]+\\.[^.]+$");
        assertThat(after.decrypt(old.jwe())).isEqualTo("code-AAAA");
        assertThat(after.decrypt(current.jwe())).isEqualTo("code-BBBB");
    }

    @Test
    void refusesATamperedCodeAndKeysThatAreNot256Bits() {
        ActivationCodeCipher cipher =
                new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "k1"));
        String jwe = cipher.encrypt("code").jwe();
        String tampered = jwe.substring(0, jwe.length() - 2) + (jwe.endsWith("A") ? "BA" : "AA");

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivationCodeCipher(new ActivationEncryptionProperties(
                        Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])), "k1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "k9")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opensWithIdentityServicesConfigurationACodeSealedWithPatchingServices() {
        // patching-service: the shared keys and the current one; identity-service: the same keys as its environment
        // gives them (here with the trailing newline of a key file), and no current key
        ActivationCodeCipher patching =
                new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1, "k2", K2), "k2"));
        ActivationCodeCipher identity = ActivationCodeCipher.openingOnly(
                new ActivationEncryptionProperties(Map.of("k1", K1 + "\n", "k2", " " + K2 + "\n"), ""));

        EncryptedCode sealed = patching.encrypt("code-CCCC");

        assertThat(identity.decrypt(sealed.jwe())).isEqualTo("code-CCCC");
        assertThatThrownBy(() -> identity.encrypt("code-DDDD")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToSealWithoutACurrentKey() {
        assertThatThrownBy(() -> new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("current-key-id");
    }

    @Test
    void refusesACodeWhoseHeaderNamesAnotherContentEncryption() throws Exception {
        ActivationCodeCipher cipher =
                new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "k1"));
        // decryptable with the same 256-bit key, were the header trusted
        JWEObject forged = new JWEObject(
                new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A128CBC_HS256)
                        .keyID("k1")
                        .build(),
                new Payload("code-EEEE"));
        forged.encrypt(new DirectEncrypter(Base64.getDecoder().decode(K1)));

        assertThatThrownBy(() -> cipher.decrypt(forged.serialize()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dir/A256GCM");
    }
}
