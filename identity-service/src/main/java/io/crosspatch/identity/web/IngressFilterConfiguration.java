package io.crosspatch.identity.web;

import io.crosspatch.identity.role.IngressRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the ingress's guards in front of everything else, security included: first the client address (from a
 * trusted proxy's {@code X-Forwarded-For}, else the socket's), then the rate limits (a flood costs one map lookup
 * per request) of enrollment and challenge requests and, in a bucket of their own, of status polls, then the body
 * limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngressProperties.class)
class IngressFilterConfiguration {

    private static final String[] CREATING_PATHS = {"/v1/enrollments", "/v1/enrollments/*", "/v1/challenges"};
    private static final String STATUS_PATH = "/v1/enrollments/*";

    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddress(IngressProperties properties) {
        TrustedProxies trustedProxies;
        try {
            trustedProxies = TrustedProxies.of(properties.trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("crosspatch.identity.ingress.trusted-proxies: " + e.getMessage());
        }
        FilterRegistrationBean<ClientAddressFilter> registration =
                new FilterRegistrationBean<>(new ClientAddressFilter(trustedProxies));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    @IngressRole
    FilterRegistrationBean<RateLimitFilter> ingressRateLimit(IngressProperties properties) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter(properties.rateLimit()), "POST"));
        registration.setName("ingressRateLimit");
        registration.addUrlPatterns(CREATING_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @IngressRole
    FilterRegistrationBean<RateLimitFilter> statusRateLimit(IngressProperties properties) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter(properties.statusRateLimit()), "GET"));
        registration.setName("statusRateLimit");
        registration.addUrlPatterns(STATUS_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
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

    private static SourceRateLimiter limiter(IngressProperties.RateLimit limit) {
        return new SourceRateLimiter(limit.perSecond(), limit.burst(), limit.maxSources(), System::nanoTime);
    }
}
