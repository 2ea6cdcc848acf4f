package io.crosspatch.servicekit.concurrent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link NamedExecutors} of a service, measuring into its {@link MeterRegistry} (a throw-away registry where a
 * slice test has none).
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
public class ExecutorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NamedExecutors namedExecutors(ObjectProvider<MeterRegistry> meters) {
        return new NamedExecutors(meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
