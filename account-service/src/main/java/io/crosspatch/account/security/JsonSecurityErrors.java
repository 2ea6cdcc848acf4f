package io.crosspatch.account.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Security failures as the operator API's JSON errors: {@code 401 UNAUTHENTICATED} for a missing, malformed,
 * expired, foreign or wrongly signed token (with the {@code WWW-Authenticate: Bearer} challenge), {@code 403
 * FORBIDDEN} without the operator role. The message never says why a token was refused, so it is no oracle.
 */
final class JsonSecurityErrors {

    private JsonSecurityErrors() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "a valid bearer token is required");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
                "this token does not grant the operator role");
    }

    private static void write(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
