package io.crosspatch.account.vending.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A deliberately simple guard for the operator API: when {@code crosspatch.operator.token} is set, requests
 * under {@code /v1/} must carry {@code Authorization: Bearer <token>} (compared in constant time); when it is
 * empty the API is open, for local use. A real deployment puts an identity-aware proxy or JWT check in front.
 */
@Component
public class OperatorTokenFilter extends OncePerRequestFilter {

    private final byte[] token;

    public OperatorTokenFilter(@Value("${crosspatch.operator.token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token.length == 0 || !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, presented)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"UNAUTHORIZED\",\"message\":\"a valid operator bearer token is required\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
