package io.crosspatch.patching.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.patching.activation.security.ActivationCodeCipher;
import io.crosspatch.patching.activation.security.ActivationEncryptionProperties;
import io.crosspatch.patching.activation.security.EncryptedCode;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Activation codes as compact JWEs under rotating shared keys. */
class ActivationCodeCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void encryptsUnderTheCurrentKeyAndStillDecryptsCodesOfTheOldOneAfterARotation() {
        ActivationCodeCipher before = new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "k1"));
        EncryptedCode old = before.encrypt("code-AAAA");

        ActivationCodeCipher after = new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1, "k2", K2), "k2"));
        EncryptedCode current = after.encrypt("code-BBBB");

        assertThat(old.keyId()).isEqualTo("k1");
        assertThat(current.keyId()).isEqualTo("k2");
        assertThat(current.jwe()).doesNotContain("code-BBBB").matches("^[^.]+\\.\\.[^.]+\\.[^.]+\\.[^.]+$");
        assertThat(after.decrypt(old.jwe())).isEqualTo("code-AAAA");
        assertThat(after.decrypt(current.jwe())).isEqualTo("code-BBBB");
    }

    @Test
    void refusesATamperedCodeAndKeysThatAreNot256Bits() {
        ActivationCodeCipher cipher = new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "k1"));
        String jwe = cipher.encrypt("code").jwe();
        String tampered = jwe.substring(0, jwe.length() - 2) + (jwe.endsWith("A") ? "BA" : "AA");

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivationCodeCipher(new ActivationEncryptionProperties(
                Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])), "k1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivationCodeCipher(new ActivationEncryptionProperties(Map.of("k1", K1), "k9")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
