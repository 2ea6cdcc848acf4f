package io.crosspatch.identity.web;

import io.crosspatch.servicekit.web.error.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a source that sends requests of one method (on the paths it is registered for) faster than its
 * bucket allows: POSTs that create enrollments and challenges, and, with a bucket of its own, status polls. The
 * source is the client address ({@link ClientAddressFilter}), IPv6 clients by their /64 ({@link SourceKeys}).
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final SourceRateLimiter limiter;
    private final String method;

    public RateLimitFilter(SourceRateLimiter limiter, String method) {
        this.limiter = limiter;
        this.method = method;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !method.equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limiter.tryAcquire(SourceKeys.of(request.getRemoteAddr()))) {
            response.setHeader("Retry-After", "1");
            new ApiError("RATE_LIMITED", "too many requests from this source; retry later").write(response, 429);
            return;
        }
        chain.doFilter(request, response);
    }
}
