package io.crosspatch.reporting.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is a stateless OAuth2 resource server: every {@code /v1/**} request carries a bearer JWT that Boot's
 * decoder verifies against the configured issuer and key source ({@code
 * spring.security.oauth2.resourceserver.jwt.*}: a JWKS URI, or a public key, and the issuer). Tenant scoping
 * is decided per request from the token's claims ({@link Caller}). The dashboard's static files, the API
 * descriptions and the health and metrics endpoints are public: they hold no tenant data.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v1/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(JsonSecurityErrors.unauthenticated())
                        .accessDeniedHandler(JsonSecurityErrors.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(JsonSecurityErrors.unauthenticated())
                        .accessDeniedHandler(JsonSecurityErrors.forbidden()))
                .build();
    }
}
