package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.ActivationPolicy;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import java.util.concurrent.ExecutorService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activation policy and the two thread pools enrollments are worked on. */
@Configuration
@EnableConfigurationProperties({ActivationProperties.class, NodeQuotaProperties.class})
public class ActivationConfiguration {

    @Bean
    ActivationPolicy activationPolicy(ActivationProperties properties) {
        return new ActivationPolicy(properties.registrationLimit(), properties.validity());
    }

    /** Shut down by {@link NamedExecutors} with the context, not by Spring's inferred destroy method. */
    @Bean(destroyMethod = "")
    ExecutorService activationAccounts(NamedExecutors executors, ActivationProperties properties) {
        return executors.fixed("activation-account", properties.workers());
    }

    @Bean(destroyMethod = "")
    ExecutorService activationWorkers(NamedExecutors executors, ActivationProperties properties) {
        return executors.fixed("activation-worker", properties.workers());
    }
}
