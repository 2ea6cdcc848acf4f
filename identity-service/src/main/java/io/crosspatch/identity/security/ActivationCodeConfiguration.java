package io.crosspatch.identity.security;

import io.crosspatch.identity.enrollment.application.ActivationCodeDecrypter;
import io.crosspatch.servicekit.activationcode.ActivationCodeCipher;
import io.crosspatch.servicekit.activationcode.ActivationEncryptionProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the activation codes patching-service sealed, with the keys shared with it
 * ({@code crosspatch.activation-encryption.keys.<kid>}), through the one {@link ActivationCodeCipher} both services
 * use. This service only opens codes, so it needs every key an unexpired code may name, and no current key id.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActivationEncryptionProperties.class)
class ActivationCodeConfiguration {

    @Bean
    ActivationCodeDecrypter activationCodeDecrypter(ActivationEncryptionProperties properties) {
        return ActivationCodeCipher.openingOnly(properties)::decrypt;
    }
}
