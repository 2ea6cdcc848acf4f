package io.crosspatch.identity.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the ingress's guards in front of everything else, security included: the rate limit first (a flood costs
 * one map lookup per request), then the body limit, on the ingress's public paths.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngressProperties.class)
public class IngressFilterConfiguration {

    private static final String[] INGRESS_PATHS = {"/v1/enrollments", "/v1/enrollments/*", "/v1/challenges"};

    @Bean
    @ConditionalOnProperty(name = "crosspatch.identity.ingress.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> ingressRateLimit(IngressProperties properties) {
        IngressProperties.RateLimit limit = properties.rateLimit();
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
                new SourceRateLimiter(limit.perSecond(), limit.burst(), limit.maxSources(), System::nanoTime)));
        registration.addUrlPatterns(INGRESS_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(IngressProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodyBytes()));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
