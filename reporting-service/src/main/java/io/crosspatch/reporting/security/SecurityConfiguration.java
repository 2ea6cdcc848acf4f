package io.crosspatch.reporting.security;

import io.crosspatch.servicekit.security.BearerTokenSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is a stateless OAuth2 resource server, set up as every Crosspatch API is ({@link BearerTokenSecurity}):
 * every {@code /v1/**} request carries a bearer JWT that the decoder of {@link JwtDecoderConfiguration} verifies
 * against the configured issuer, audience and key source. Tenant scoping is decided per request from the token's
 * claims ({@link Caller}). The dashboard's static files, the API descriptions and the health and metrics endpoints
 * are public: they hold no tenant data.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder) throws Exception {
        return BearerTokenSecurity.statelessResourceServer(http, jwtDecoder, "this token does not grant access")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/v1/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .build();
    }
}
