package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.challenge.persistence.ChallengeRepository;
import io.crosspatch.identity.onboarding.persistence.CloudAccountRepository;
import io.crosspatch.identity.verification.persistence.InstanceClaimRepository;
import io.crosspatch.identity.verification.persistence.TokenIdRepository;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verifier role's application services, wired to every provider verifier, and the bounded pool batches are
 * verified on. Absent in the {@code ingress} profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crosspatch.identity.verifier.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RetryProperties.class)
public class VerificationConfiguration {

    @Bean
    VerificationService verificationService(List<ProviderVerifier> verifiers, CloudAccountRepository accounts,
            ChallengeRepository challenges, TokenIdRepository tokenIds, InstanceClaimRepository claims,
            RetryProperties retry, Clock clock) {
        return new VerificationService(verifiers, accounts, challenges, tokenIds, claims, retry.policy(), clock);
    }

    /**
     * At most {@code crosspatch.identity.verifier.parallelism} verifications at once per process (default 32). The
     * pool is shut down by {@link NamedExecutors} with the context, not by Spring's inferred destroy method.
     */
    @Bean(destroyMethod = "")
    ExecutorService verificationPool(NamedExecutors executors,
            @Value("${crosspatch.identity.verifier.parallelism:32}") int parallelism) {
        return executors.fixed("verification", parallelism);
    }

    @Bean
    BatchVerification batchVerification(VerificationService verification, ExecutorService verificationPool) {
        return new BatchVerification(verification, verificationPool);
    }
}
