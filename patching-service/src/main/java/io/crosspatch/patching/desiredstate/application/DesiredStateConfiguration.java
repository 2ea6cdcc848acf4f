package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.DesiredState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desired state, read once from configuration (invalid configuration stops the service at start), and how often
 * it is reconciled.
 */
@Configuration
@EnableConfigurationProperties({DesiredStateProperties.class, ReconcileProperties.class})
public class DesiredStateConfiguration {

    @Bean
    DesiredState desiredState(DesiredStateProperties properties) {
        return properties.toDesiredState();
    }
}
