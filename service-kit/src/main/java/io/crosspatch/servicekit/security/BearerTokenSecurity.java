package io.crosspatch.servicekit.security;

import io.crosspatch.servicekit.web.error.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The one shape of a Crosspatch resource-server filter chain (identity-service's admin API, account-service's
 * operator API, reporting-service's API): stateless (no session, no CSRF, no saved requests), bearer JWTs checked
 * by a {@link BearerTokenDecoders} decoder with roles from the {@code roles} claim, and refusals as the services'
 * {@link ApiError} JSON — {@code 401 UNAUTHENTICATED} with the {@code WWW-Authenticate: Bearer} challenge for a
 * missing, malformed, expired, foreign or wrongly signed token, {@code 403 FORBIDDEN} for a token without the right.
 * A service adds only what differs, its authorization rules. The messages never say why a token was refused, so
 * they are no oracle. Kept in one place because three near-copies had started to differ in which of these they did.
 */
public final class BearerTokenSecurity {

    private static final ApiError UNAUTHENTICATED = new ApiError("UNAUTHENTICATED", "a valid bearer token is required");

    private BearerTokenSecurity() {}

    /**
     * {@code http} as a stateless resource server checking tokens with {@code decoder}; the caller adds its
     * {@code authorizeHttpRequests} rules and builds it.
     *
     * @param forbiddenMessage the message of a {@code 403}, naming what the token lacks
     */
    public static HttpSecurity statelessResourceServer(HttpSecurity http, JwtDecoder decoder, String forbiddenMessage)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        AccessDeniedHandler forbidden = forbidden(forbiddenMessage);
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(server -> server.jwt(jwt ->
                                jwt.decoder(decoder).jwtAuthenticationConverter(BearerTokenDecoders.rolesFromClaim()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
    }

    /** {@code 401 UNAUTHENTICATED} with the {@code WWW-Authenticate: Bearer} challenge. */
    public static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            UNAUTHENTICATED.write(response, HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** {@code 403 FORBIDDEN} with {@code message}, without a challenge: the token was valid, it grants too little. */
    public static AccessDeniedHandler forbidden(String message) {
        ApiError error = new ApiError("FORBIDDEN", message);
        return (request, response, exception) -> error.write(response, HttpServletResponse.SC_FORBIDDEN);
    }
}
