package io.crosspatch.patching.retirement.application;

import io.crosspatch.patching.retirement.domain.ConnectionLostPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RetirementProperties} and turns them into the policy the automatic retirement applies. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetirementProperties.class)
class RetirementConfiguration {

    @Bean
    ConnectionLostPolicy connectionLostPolicy(RetirementProperties properties) {
        return new ConnectionLostPolicy(properties.connectionLostAfter(), properties.tenantConnectionLostAfter());
    }
}
