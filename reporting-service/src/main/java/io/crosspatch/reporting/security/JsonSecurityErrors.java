package io.crosspatch.reporting.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Security failures as the API's JSON errors: {@code 401 UNAUTHENTICATED} for a missing, malformed, expired
 * or wrongly signed token (with the {@code WWW-Authenticate: Bearer} challenge), {@code 403 FORBIDDEN}.
 * The message never repeats why a token was refused beyond that, so it cannot be used as an oracle.
 */
final class JsonSecurityErrors {

    private JsonSecurityErrors() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> write(response, HttpServletResponse.SC_UNAUTHORIZED,
                "UNAUTHENTICATED", "a valid bearer token is required", exception);
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpServletResponse.SC_FORBIDDEN,
                "FORBIDDEN", "this token does not grant access", exception);
    }

    private static void write(HttpServletResponse response, int status, String code, String message,
            RuntimeException cause) throws IOException {
        if (!(cause instanceof AccessDeniedException)) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
