package io.crosspatch.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a source that creates enrollments or challenges faster than its bucket allows. The source is the
 * remote address as the servlet container sees it (behind a load balancer, set {@code
 * server.forward-headers-strategy=native} so that it is the client's, from trusted proxies only). Status polls are
 * not limited: they are one partition read each and the VM backs off.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final SourceRateLimiter limiter;

    public RateLimitFilter(SourceRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "1");
            JsonErrors.write(response, 429, "RATE_LIMITED", "too many requests from this source; retry later");
            return;
        }
        chain.doFilter(request, response);
    }
}
