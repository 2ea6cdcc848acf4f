package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.ActivationPolicy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activation policy and the two thread pools enrollments are worked on. */
@Configuration
@EnableConfigurationProperties(ActivationProperties.class)
public class ActivationConfiguration {

    @Bean
    ActivationPolicy activationPolicy(ActivationProperties properties) {
        return new ActivationPolicy(properties.registrationLimit(), properties.validity());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService activationAccounts(ActivationProperties properties) {
        return Executors.newFixedThreadPool(properties.workers(), named("activation-account-"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService activationWorkers(ActivationProperties properties) {
        return Executors.newFixedThreadPool(properties.workers(), named("activation-worker-"));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
