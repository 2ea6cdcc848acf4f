package io.crosspatch.identity.verification.provider;

import io.crosspatch.identity.enrollment.application.SignerScreen;
import io.crosspatch.identity.role.VerifierRole;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingress's {@link SignerScreen} in a process without the verifier (the {@code ingress} profile): it has no
 * trust sources, so it is never sure and every token goes on to the verifier, as before the screen existed.
 * Fetching the JWKS here too would give the issuer a second client and double the refresh budget an attacker can
 * spend; keeping it to the verifier keeps one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = VerifierRole.ENABLED, havingValue = "false")
class NoSignerScreenConfiguration {

    @Bean
    SignerScreen signerScreen() {
        return SignerScreen.NONE;
    }
}
