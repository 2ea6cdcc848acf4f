package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.AccountNaming;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires account vending: its settings, and the naming rules (checked at start, so bad templates fail fast). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(VendingProperties.class)
public class VendingConfiguration {

    @Bean
    AccountNaming accountNaming(VendingProperties properties) {
        return new AccountNaming(properties.emailTemplate(), properties.nameTemplate());
    }
}
