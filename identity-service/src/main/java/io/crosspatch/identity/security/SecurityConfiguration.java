package io.crosspatch.identity.security;

import io.crosspatch.servicekit.security.BearerTokenSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains. The VMs' endpoints (challenges, enrollments, the startup script) and the probes are anonymous
 * and have no resource server at all: an enrollment status poll carries the enrollment secret as its bearer, which
 * must never be parsed as a JWT. Everything else goes through the resource server every Crosspatch API shares
 * ({@link BearerTokenSecurity}), and {@code /v1/admin/**} requires the {@code admin} role from the token's
 * {@code roles} claim.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    public static final String ADMIN_ROLE = "admin";

    @Bean
    @Order(1)
    SecurityFilterChain anonymousEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher(
                        "/v1/challenges",
                        "/v1/challenges/**",
                        "/v1/enrollments",
                        "/v1/enrollments/**",
                        "/v1/bootstrap/**",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/prometheus",
                        "/error")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain adminApi(HttpSecurity http, JwtDecoder adminJwtDecoder) throws Exception {
        return BearerTokenSecurity.statelessResourceServer(
                        http, adminJwtDecoder, "this token does not grant the admin role")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/v1/admin/**")
                        .hasRole(ADMIN_ROLE)
                        .anyRequest()
                        .permitAll())
                .build();
    }
}
