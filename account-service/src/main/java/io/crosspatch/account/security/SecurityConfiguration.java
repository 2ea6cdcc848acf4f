package io.crosspatch.account.security;

import io.crosspatch.servicekit.security.BearerTokenSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The operator API is a stateless OAuth2 resource server, set up as every Crosspatch API is
 * ({@link BearerTokenSecurity}): every request needs a bearer JWT with the {@code operator} role in its {@code roles}
 * claim. Closed by default — only {@code /error} and the actuator (which the public port does not serve; it lives on
 * the management port) are open — and matched by Spring Security on the normalised path, after its firewall has
 * refused path parameters ({@code ;}), doubled slashes and encoded separators, so no spelling of
 * {@code /v1/system-accounts} slips past.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    public static final String OPERATOR_ROLE = "operator";

    @Bean
    SecurityFilterChain operatorApi(HttpSecurity http, JwtDecoder operatorJwtDecoder) throws Exception {
        return BearerTokenSecurity.statelessResourceServer(
                        http, operatorJwtDecoder, "this token does not grant the operator role")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/error")
                        .permitAll()
                        .anyRequest()
                        .hasRole(OPERATOR_ROLE))
                .build();
    }
}
