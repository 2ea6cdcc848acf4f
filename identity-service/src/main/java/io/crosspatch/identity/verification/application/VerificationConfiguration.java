package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.challenge.persistence.ChallengeRepository;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.verification.persistence.InstanceClaimRepository;
import io.crosspatch.identity.verification.persistence.TokenIdRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verifier role's application service, wired to every provider verifier. Absent in the {@code ingress} profile. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crosspatch.identity.verifier.enabled", havingValue = "true", matchIfMissing = true)
public class VerificationConfiguration {

    @Bean
    VerificationService verificationService(List<ProviderVerifier> verifiers, CloudAccountRepository accounts,
            ChallengeRepository challenges, TokenIdRepository tokenIds, InstanceClaimRepository claims) {
        return new VerificationService(verifiers, accounts, challenges, tokenIds, claims, Clock.systemUTC());
    }
}
