package io.crosspatch.identity.security;

import io.crosspatch.identity.web.JsonErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Security failures as the service's JSON errors: {@code 401 UNAUTHENTICATED} for a missing, malformed, expired or
 * wrongly signed token (with the {@code WWW-Authenticate: Bearer} challenge), {@code 403 FORBIDDEN} without the
 * admin role. The message never says why a token was refused, so it is no oracle.
 */
final class JsonSecurityErrors {

    private JsonSecurityErrors() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                    "a valid bearer token is required");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN,
                "FORBIDDEN", "this token does not grant the admin role");
    }
}
