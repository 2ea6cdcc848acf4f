package io.crosspatch.identity.verification.config;

import io.crosspatch.identity.challenge.application.Challenges;
import io.crosspatch.identity.onboarding.application.CloudAccountDirectory;
import io.crosspatch.identity.role.VerifierRole;
import io.crosspatch.identity.verification.application.BatchVerification;
import io.crosspatch.identity.verification.application.InstanceClaims;
import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.identity.verification.application.RetryProperties;
import io.crosspatch.identity.verification.application.TokenIds;
import io.crosspatch.identity.verification.application.VerificationService;
import io.crosspatch.identity.verification.application.VerifierProperties;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verifier role's application services, wired to every provider verifier and to the ports the persistence
 * adapters implement, and the bounded pool batches are verified on. Kept out of {@code application} because it is
 * wiring (the role's condition, the pool), not a use case. Absent in the {@code ingress} profile.
 */
@Configuration(proxyBeanMethods = false)
@VerifierRole
@EnableConfigurationProperties({RetryProperties.class, VerifierProperties.class})
class VerificationConfiguration {

    @Bean
    VerificationService verificationService(
            List<ProviderVerifier> verifiers,
            CloudAccountDirectory accounts,
            Challenges challenges,
            TokenIds tokenIds,
            InstanceClaims claims,
            RetryProperties retry,
            Clock clock) {
        return new VerificationService(verifiers, accounts, challenges, tokenIds, claims, retry.policy(), clock);
    }

    /**
     * At most {@code crosspatch.identity.verifier.parallelism} verifications at once per process. The pool is shut
     * down by {@link NamedExecutors} with the context, not by Spring's inferred destroy method.
     */
    @Bean(destroyMethod = "")
    ExecutorService verificationPool(NamedExecutors executors, VerifierProperties verifier) {
        return executors.fixed("verification", verifier.parallelism());
    }

    @Bean
    BatchVerification batchVerification(VerificationService verification, ExecutorService verificationPool) {
        return new BatchVerification(verification, verificationPool);
    }
}
