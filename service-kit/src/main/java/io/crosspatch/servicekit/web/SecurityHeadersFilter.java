package io.crosspatch.servicekit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the browser-facing security headers on every response of the public port — the dashboard's pages, the API's
 * JSON, the errors, the 401s of the resource servers: a Content-Security-Policy that allows scripts, styles and
 * requests from this origin only and no inline code ({@value #CONTENT_SECURITY_POLICY}), so an injected string in a
 * tenant's data cannot run as script; no framing (clickjacking); {@code nosniff}, so a JSON body is never read as
 * script or HTML; {@code no-referrer}, so the dashboard's URL (which may carry a token) never leaks to another site.
 * Set before the request is handled, so no path and no failure goes without them.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
