package io.crosspatch.patching.systemaccount.aws;

import io.crosspatch.patching.systemaccount.domain.RequestBudget;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the assumed-role SSM clients and the per-account request budget from {@link AwsProperties}. */
@Configuration
@EnableConfigurationProperties(AwsProperties.class)
class AwsConfiguration {

    @Bean(destroyMethod = "close")
    SsmSessions ssmSessions(AwsProperties properties) {
        return new SsmSessions(properties);
    }

    @Bean
    BudgetedSsm budgetedSsm(SsmSessions sessions, AwsProperties properties) {
        Map<String, RequestBudget.Rate> rates = new HashMap<>();
        properties
                .rates()
                .forEach((operation, perSecond) -> rates.put(
                        operation, new RequestBudget.Rate(perSecond, Math.max(1, (int) Math.ceil(perSecond)))));
        return new BudgetedSsm(
                sessions,
                new RequestBudget(
                        new RequestBudget.Rate(properties.defaultRatePerSecond(), properties.defaultBurst()), rates));
    }
}
