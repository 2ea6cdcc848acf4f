package io.crosspatch.patching.activation.crypto;

import io.crosspatch.patching.activation.application.ActivationCodeSealer;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.servicekit.activationcode.ActivationCodeCipher;
import io.crosspatch.servicekit.activationcode.ActivationEncryptionProperties;
import io.crosspatch.servicekit.activationcode.EncryptedCode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The activation-code cipher (keys shared with identity-service, which opens the codes) and the
 * {@link ActivationCodeSealer} the intake seals codes with. The intake sees only the port, so where the cipher
 * lives and how it is configured changes here alone.
 */
@Configuration
@EnableConfigurationProperties(ActivationEncryptionProperties.class)
class ActivationCodeSealing {

    @Bean
    ActivationCodeCipher activationCodeCipher(ActivationEncryptionProperties properties) {
        return new ActivationCodeCipher(properties);
    }

    @Bean
    ActivationCodeSealer activationCodeSealer(ActivationCodeCipher cipher) {
        return code -> {
            EncryptedCode encrypted = cipher.encrypt(code);
            return new SealedCode(encrypted.jwe(), encrypted.keyId());
        };
    }
}
